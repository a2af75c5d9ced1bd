/**
 * @module One method's learning curve on one fold: train and validation loss per epoch, with the
 * epoch of lowest validation loss marked.
 */
import type { EpochRecord } from '@painkd/distill';
import type { TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG } from '../theme.js';

/** Everything {@link learningCurveSpec} draws. */
export interface LearningCurveInput {
  readonly history: readonly EpochRecord[];
}

/**
 * Builds the Vega-Lite spec of a train/validation loss curve. Non-finite losses (a diverged
 * epoch) are left out rather than drawn.
 *
 * @example
 * ```ts
 * learningCurveSpec({ history: fold.history });
 * ```
 */
export function learningCurveSpec(input: LearningCurveInput): TopLevelSpec {
  const points = input.history.flatMap((h) => [
    ...(Number.isFinite(h.trainLoss) ? [{ epoch: h.epoch, loss: h.trainLoss, split: 'train' }] : []),
    ...(Number.isFinite(h.valLoss) ? [{ epoch: h.epoch, loss: h.valLoss, split: 'validation' }] : []),
  ]);
  let best: EpochRecord | undefined;
  for (const h of input.history) {
    if (Number.isFinite(h.valLoss) && (best === undefined || h.valLoss < best.valLoss)) best = h;
  }
  const bestMarks = best === undefined ? [] : [{ epoch: best.epoch, label: `best epoch ${best.epoch}` }];
  const split = {
    field: 'split',
    type: 'nominal' as const,
    scale: { domain: ['train', 'validation'] },
    legend: { title: null },
  };
  return {
    config: CHART_CONFIG,
    width: 260,
    height: 130,
    datasets: { points, best: bestMarks },
    layer: [
      {
        data: { name: 'best' },
        mark: { type: 'rule', color: '#9ca3af', strokeDash: [3, 3] },
        encoding: { x: { field: 'epoch', type: 'quantitative' } },
      },
      {
        data: { name: 'points' },
        mark: { type: 'line', strokeWidth: 1.8, point: { size: 12 } },
        encoding: {
          x: { field: 'epoch', type: 'quantitative', title: 'epoch', scale: { nice: false }, axis: { tickMinStep: 1 } },
          y: { field: 'loss', type: 'quantitative', title: 'loss', scale: { zero: false } },
          color: { ...split, scale: { domain: ['train', 'validation'], range: ['#4c78a8', '#f58518'] } },
          strokeDash: { ...split, scale: { domain: ['train', 'validation'], range: [[1, 0], [5, 3]] } },
        },
      },
    ],
  };
}
