/**
 * @module Mean ± sd bars per method with one dot per fold and dashed reference lines (teacher,
 * CE-only student, chance): the report's main comparison chart.
 */
import type { TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG, type MethodColors } from '../theme.js';

/** One method's bar: its mean ± sd over (repeat, fold) pairs and the value of each pair. */
export interface MetricBar {
  readonly method: string;
  readonly mean: number;
  readonly sd: number;
  /** One dot per (repeat, fold) pair, labelled like `fold 3` or `r2 f3` (the dot's offset key). */
  readonly folds: readonly { readonly label: string; readonly value: number }[];
}

/** A vertical reference line drawn across all bars. */
export interface MetricReference {
  readonly kind: 'teacher' | 'ce' | 'chance';
  readonly label: string;
  readonly value: number;
}

/** Everything {@link metricBarsSpec} draws. */
export interface MetricBarsInput {
  /** Axis title, e.g. `accuracy`. */
  readonly metric: string;
  readonly bars: readonly MetricBar[];
  readonly references: readonly MetricReference[];
  readonly colors: MethodColors;
  /** Clamp for mean + sd (1 for accuracy and F1). */
  readonly upperBound?: number;
}

const REFERENCE_STYLES: Readonly<Record<MetricReference['kind'], { stroke: string; dash: number[] }>> = {
  teacher: { stroke: '#111827', dash: [6, 3] },
  ce: { stroke: '#6b7280', dash: [2, 2] },
  chance: { stroke: '#b91c1c', dash: [1, 3] },
};

/**
 * Builds the Vega-Lite spec of a horizontal mean ± sd bar chart with fold dots.
 *
 * @example
 * ```ts
 * const spec = metricBarsSpec({ metric: 'accuracy', bars, references: [{ label: 'teacher', value: 0.42 }],
 *   colors, upperBound: 1 });
 * ```
 */
export function metricBarsSpec(input: MetricBarsInput): TopLevelSpec {
  const order = input.bars.map((b) => b.method);
  const upper = input.upperBound ?? Number.POSITIVE_INFINITY;
  const bars = input.bars.map((b) => ({
    method: b.method,
    mean: b.mean,
    lo: Math.max(0, b.mean - b.sd),
    hi: Math.min(upper, b.mean + b.sd),
  }));
  const dots = input.bars.flatMap((b) =>
    b.folds.map((f) => ({ method: b.method, fold: f.label, value: f.value })),
  );
  const refs = input.references.map((r) => ({ label: `${r.label} ${r.value.toFixed(3)}`, value: r.value }));
  const refStyles = input.references.map((r) => REFERENCE_STYLES[r.kind]);
  const y = { field: 'method', type: 'nominal' as const, sort: order, title: null };
  return {
    config: CHART_CONFIG,
    width: 300,
    height: 26 * Math.max(1, bars.length),
    datasets: { bars, dots, refs },
    layer: [
      {
        data: { name: 'bars' },
        mark: { type: 'bar', opacity: 0.55, cornerRadiusEnd: 2 },
        encoding: {
          y,
          x: { field: 'mean', type: 'quantitative', title: input.metric, scale: { zero: true, nice: true } },
          color: {
            field: 'method',
            type: 'nominal',
            scale: { domain: [...input.colors.domain], range: [...input.colors.range] },
            legend: null,
          },
        },
      },
      {
        data: { name: 'bars' },
        mark: { type: 'rule', color: '#111827', strokeWidth: 1.5 },
        encoding: { y, x: { field: 'lo', type: 'quantitative' }, x2: { field: 'hi' } },
      },
      {
        data: { name: 'dots' },
        mark: { type: 'point', filled: true, size: 22, color: '#111827', opacity: 0.85 },
        encoding: {
          y,
          yOffset: { field: 'fold', type: 'nominal', scale: { paddingOuter: 0.6 } },
          x: { field: 'value', type: 'quantitative' },
        },
      },
      ...(refs.length === 0
        ? []
        : [
            {
              data: { name: 'refs' },
              mark: { type: 'rule' as const, strokeWidth: 1.5 },
              encoding: {
                x: { field: 'value', type: 'quantitative' as const },
                stroke: {
                  field: 'label',
                  type: 'nominal' as const,
                  scale: { domain: refs.map((r) => r.label), range: refStyles.map((s) => s.stroke) },
                  legend: { title: null, symbolStrokeWidth: 1.5, columns: 1 },
                },
                strokeDash: {
                  field: 'label',
                  type: 'nominal' as const,
                  scale: { domain: refs.map((r) => r.label), range: refStyles.map((s) => s.dash) },
                  legend: { title: null, symbolStrokeWidth: 1.5, columns: 1 },
                },
              },
            },
          ]),
    ],
  };
}
