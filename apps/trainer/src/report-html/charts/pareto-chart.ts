/**
 * @module The size sweep's Pareto chart: accuracy (mean ± sd over (repeat, fold) pairs) of each
 * student method against one deployment cost on a log axis, a line per method, and each teacher
 * as a labelled horizontal reference line.
 */
import type { ParetoPoint } from '@painkd/distill';
import type { TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG, type MethodColors } from '../theme.js';

/** A horizontal reference line (a teacher's mean accuracy). */
export interface ParetoReference {
  readonly label: string;
  readonly value: number;
}

/** Everything {@link paretoSpec} draws. */
export interface ParetoInput {
  /** x axis title, with its unit. */
  readonly xTitle: string;
  readonly points: readonly ParetoPoint[];
  readonly references: readonly ParetoReference[];
  /** Colours keyed by method (run id), in legend order. */
  readonly colors: MethodColors;
}

const REFERENCE_DASHES: readonly number[][] = [
  [6, 3],
  [2, 2],
  [8, 2, 2, 2],
];

/**
 * Builds the Vega-Lite spec of one Pareto chart. x is logarithmic (costs span orders of magnitude
 * across a size family); the sd whiskers are clamped to [0, 1]; each size is named under its x.
 *
 * @example
 * ```ts
 * paretoSpec({ xTitle: 'int8 file size (bytes)', points, references: [{ label: 'teacher 0.897', value: 0.897 }], colors });
 * ```
 */
export function paretoSpec(input: ParetoInput): TopLevelSpec {
  const points = input.points.map((p) => ({
    method: p.method,
    size: p.size,
    x: p.x,
    mean: p.accuracy.mean,
    lo: Math.max(0, p.accuracy.mean - p.accuracy.sd),
    hi: Math.min(1, p.accuracy.mean + p.accuracy.sd),
  }));
  const sizes = [...new Map(points.map((p) => [p.size, { size: p.size, x: p.x }])).values()];
  const refs = input.references.map((r, i) => ({ label: r.label, value: r.value, dash: i }));
  const x = { field: 'x', type: 'quantitative' as const, title: input.xTitle, scale: { type: 'log' as const, nice: false, padding: 24 }, axis: { format: '~s', tickCount: 4 } };
  const y = { field: 'mean', type: 'quantitative' as const, title: 'accuracy (mean ± sd)', scale: { zero: false, nice: true } };
  const color = {
    field: 'method',
    type: 'nominal' as const,
    scale: { domain: [...input.colors.domain], range: [...input.colors.range] },
    legend: { title: null, columns: 3, symbolOpacity: 1 },
  };
  return {
    config: CHART_CONFIG,
    width: 300,
    height: 220,
    datasets: { points, sizes, refs },
    layer: [
      {
        data: { name: 'points' },
        mark: { type: 'rule', strokeWidth: 1.2, opacity: 0.55 },
        encoding: { x, y: { field: 'lo', type: 'quantitative' }, y2: { field: 'hi' }, color },
      },
      {
        data: { name: 'points' },
        mark: { type: 'line', strokeWidth: 1.8, point: { filled: true, size: 40 } },
        encoding: { x, y, color, order: { field: 'x', type: 'quantitative' } },
      },
      {
        data: { name: 'sizes' },
        mark: { type: 'text', baseline: 'bottom', y: 'height', dy: -2, fontSize: 10, color: '#4b5563' },
        encoding: { x: { field: 'x', type: 'quantitative' }, text: { field: 'size', type: 'nominal' } },
      },
      ...(refs.length === 0
        ? []
        : [
            {
              data: { name: 'refs' },
              mark: { type: 'rule' as const, color: '#111827', strokeWidth: 1.3 },
              encoding: {
                y: { field: 'value', type: 'quantitative' as const },
                strokeDash: {
                  field: 'dash',
                  type: 'nominal' as const,
                  scale: { domain: refs.map((r) => r.dash), range: refs.map((r) => REFERENCE_DASHES[r.dash % REFERENCE_DASHES.length] ?? [4, 4]) },
                  legend: null,
                },
              },
            },
            {
              data: { name: 'refs' },
              mark: { type: 'text' as const, align: 'left' as const, baseline: 'bottom' as const, x: 0, dx: 3, dy: -2, fontSize: 10, color: '#111827' },
              encoding: { y: { field: 'value', type: 'quantitative' as const }, text: { field: 'label', type: 'nominal' as const } },
            },
          ]),
    ],
  };
}
