/**
 * @module A confusion matrix as a heat map: cells coloured by the share of each true class's
 * windows, labelled with counts.
 */
import type { TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG } from '../theme.js';

/** Everything {@link confusionHeatmapSpec} draws. */
export interface ConfusionInput {
  readonly labels: readonly string[];
  /** `matrix[true][predicted]` window counts. */
  readonly matrix: readonly (readonly number[])[];
}

/**
 * Checks that `value` is a square matrix of finite non-negative counts of size `n`.
 *
 * @example
 * ```ts
 * isConfusionMatrix([[1, 0], [0, 1]], 2); // true
 * ```
 */
export function isConfusionMatrix(value: unknown, n: number): value is readonly (readonly number[])[] {
  return (
    Array.isArray(value) &&
    value.length === n &&
    value.every(
      (row: unknown) =>
        Array.isArray(row) &&
        row.length === n &&
        row.every((c: unknown) => typeof c === 'number' && Number.isFinite(c) && c >= 0),
    )
  );
}

/**
 * Builds the Vega-Lite spec of a confusion heat map (rows: true class, columns: predicted).
 *
 * @example
 * ```ts
 * confusionHeatmapSpec({ labels: ['BL', 'PA4'], matrix: [[40, 10], [12, 38]] });
 * ```
 */
export function confusionHeatmapSpec(input: ConfusionInput): TopLevelSpec {
  const labels = [...input.labels];
  const cells = input.matrix.flatMap((row, t) => {
    const total = row.reduce((a, b) => a + b, 0);
    return row.map((count, p) => ({
      actual: labels[t] ?? String(t),
      predicted: labels[p] ?? String(p),
      count,
      share: total > 0 ? count / total : 0,
    }));
  });
  const longLabels = labels.some((l) => l.length > 4);
  return {
    config: CHART_CONFIG,
    width: { step: 42 },
    height: { step: 34 },
    data: { values: cells },
    encoding: {
      x: {
        field: 'predicted',
        type: 'ordinal',
        sort: labels,
        title: 'predicted',
        axis: { labelAngle: longLabels ? -35 : 0, orient: 'bottom' },
      },
      y: { field: 'actual', type: 'ordinal', sort: labels, title: 'true class' },
    },
    layer: [
      {
        mark: { type: 'rect', stroke: '#ffffff', strokeWidth: 1 },
        encoding: {
          color: {
            field: 'share',
            type: 'quantitative',
            scale: { scheme: 'blues', domain: [0, 1] },
            legend: { title: 'share of true class', format: '.0%', gradientLength: 120 },
          },
        },
      },
      {
        mark: { type: 'text', fontSize: 11 },
        encoding: {
          text: { field: 'count', type: 'quantitative', format: 'd' },
          color: { condition: { test: 'datum.share > 0.5', value: '#ffffff' }, value: '#111827' },
        },
      },
    ],
  };
}
