/**
 * @module Paired differences to the CE-only student: the mean Δ accuracy of each student (per
 * method and size) with its corrected confidence interval, coloured by verdict, around a zero line.
 */
import { NO_DIFFERENCE, type PairedVerdict } from '@painkd/distill';
import type { TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG } from '../theme.js';

/** One comparison as drawn: Δ and its interval in accuracy points. */
export interface PairedDifferenceRow {
  /** Row label, e.g. `student-kd · xs`. */
  readonly label: string;
  readonly mean: number;
  /** Interval ends; absent when infinite (a single pair). */
  readonly lower?: number;
  readonly upper?: number;
  readonly verdict: PairedVerdict;
}

const VERDICTS: readonly PairedVerdict[] = ['better', NO_DIFFERENCE, 'worse'];
const VERDICT_COLORS = ['#15803d', '#6b7280', '#b91c1c'];

/**
 * Builds the Vega-Lite spec of the paired-difference chart: one row per comparison in the given
 * order, a rule for the interval, a dot for the mean, a zero line.
 *
 * @example
 * ```ts
 * pairedDifferenceSpec([{ label: 'student-kd', mean: 2.1, lower: -0.4, upper: 4.6, verdict: 'no detectable difference' }], '95 %');
 * ```
 */
export function pairedDifferenceSpec(rows: readonly PairedDifferenceRow[], level: string): TopLevelSpec {
  const values = rows.map((r) => ({ label: r.label, mean: r.mean, verdict: r.verdict }));
  const intervals = rows.flatMap((r) => (r.lower === undefined || r.upper === undefined ? [] : [{ label: r.label, lower: r.lower, upper: r.upper, verdict: r.verdict }]));
  const y = { field: 'label', type: 'nominal' as const, sort: rows.map((r) => r.label), title: null, axis: { labelLimit: 240 } };
  const color = {
    field: 'verdict',
    type: 'nominal' as const,
    scale: { domain: [...VERDICTS], range: VERDICT_COLORS },
    legend: { title: null, columns: 1 },
  };
  return {
    config: CHART_CONFIG,
    width: 300,
    height: { step: 22 },
    datasets: { values, intervals, zero: [{ zero: 0 }] },
    layer: [
      {
        data: { name: 'zero' },
        mark: { type: 'rule', color: '#111827', strokeDash: [3, 3] },
        encoding: { x: { field: 'zero', type: 'quantitative' } },
      },
      {
        data: { name: 'intervals' },
        mark: { type: 'rule', strokeWidth: 2 },
        encoding: {
          y,
          x: { field: 'lower', type: 'quantitative', title: `Δ accuracy vs CE-only (points), ${level} corrected CI` },
          x2: { field: 'upper' },
          color,
        },
      },
      {
        data: { name: 'values' },
        mark: { type: 'point', filled: true, size: 55, opacity: 1 },
        encoding: { y, x: { field: 'mean', type: 'quantitative' }, color },
      },
    ],
  };
}
