/**
 * @module fp32 vs int8 student per fold as a dumbbell chart (accuracy and macro-F1), so the cost
 * of quantisation is visible fold by fold.
 */
import type { QuantizationRow } from '@painkd/distill';
import type { TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG } from '../theme.js';

const METRICS = [
  { key: 'accuracy', title: 'accuracy' },
  { key: 'macroF1', title: 'macro-F1' },
] as const;

/**
 * Builds the Vega-Lite spec of the fp32-vs-int8 dumbbell chart.
 *
 * @example
 * ```ts
 * quantizationSpec(report.quantization ?? []);
 * ```
 */
export function quantizationSpec(rows: readonly QuantizationRow[]): TopLevelSpec {
  const folds = rows.map((r) => `fold ${r.fold + 1}`);
  const points = rows.flatMap((r) =>
    METRICS.flatMap((m) => [
      { fold: `fold ${r.fold + 1}`, metric: m.title, precision: 'fp32', value: r.fp32[m.key] },
      { fold: `fold ${r.fold + 1}`, metric: m.title, precision: 'int8', value: r.int8[m.key] },
    ]),
  );
  const y = { field: 'fold', type: 'nominal' as const, sort: folds, title: null };
  return {
    config: CHART_CONFIG,
    data: { values: points },
    facet: { row: { field: 'metric', type: 'nominal', sort: METRICS.map((m) => m.title), title: null } },
    spacing: 10,
    spec: {
      width: 280,
      height: { step: 22 },
      layer: [
        {
          mark: { type: 'line', color: '#9ca3af', strokeWidth: 2 },
          encoding: {
            y,
            x: { field: 'value', type: 'quantitative', title: 'score', scale: { zero: false } },
            detail: { field: 'fold', type: 'nominal' },
          },
        },
        {
          mark: { type: 'point', filled: true, size: 60, opacity: 0.95 },
          encoding: {
            y,
            x: { field: 'value', type: 'quantitative' },
            color: {
              field: 'precision',
              type: 'nominal',
              scale: { domain: ['fp32', 'int8'], range: ['#4c78a8', '#e45756'] },
              legend: { title: null },
            },
            shape: {
              field: 'precision',
              type: 'nominal',
              scale: { domain: ['fp32', 'int8'], range: ['circle', 'diamond'] },
              legend: { title: null },
            },
          },
        },
      ],
    },
  };
}
