/** @module Markdown table rows and the number formats of `report.md` (the comparison formats are shared with `report.html`). */
import type { MeanSd } from './report-types.js';

/**
 * One Markdown table row; `|` inside a cell is escaped.
 *
 * @example
 * row(['a', 'b|c']); // '| a | b\\|c |'
 */
export function row(cells: readonly string[]): string {
  return `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
}

/**
 * A fraction's mean ± sd in percent, one decimal.
 *
 * @example
 * pct({ mean: 0.8512, sd: 0.031 }); // '85.1 ± 3.1'
 */
export function pct(m: MeanSd): string {
  return `${(100 * m.mean).toFixed(1)} ± ${(100 * m.sd).toFixed(1)}`;
}

/**
 * Mean ± sd with three decimals.
 *
 * @example
 * num({ mean: 0.15, sd: 0.0707 }); // '0.150 ± 0.071'
 */
export function num(m: MeanSd): string {
  return `${m.mean.toFixed(3)} ± ${m.sd.toFixed(3)}`;
}

/**
 * A duration in seconds, or minutes from one minute on.
 *
 * @example
 * seconds(65_000); // '1.1 min'
 */
export function seconds(ms: number): string {
  return ms >= 60_000 ? `${(ms / 60_000).toFixed(1)} min` : `${(ms / 1000).toFixed(1)} s`;
}

/**
 * A signed difference with a true minus sign and `digits` decimals; a difference that rounds to
 * zero has no sign; `–` when not finite (a JSON `null` where the run wrote ±∞). The one
 * formatter of every Δ the reports print ({@link signedPoints} for fractions).
 *
 * @example
 * signedDifference(-0.0104, 3); // '−0.010'
 * signedDifference(0.0001, 3); // '0.000'
 */
export function signedDifference(d: number | null | undefined, digits: number): string {
  if (typeof d !== 'number' || !Number.isFinite(d)) return '–';
  const text = Math.abs(d).toFixed(digits);
  if (Number(text) === 0) return text;
  return `${d < 0 ? '−' : '+'}${text}`;
}

/**
 * A difference of fractions in signed percentage points ({@link signedDifference}, `digits`
 * decimals, default one).
 *
 * @example
 * signedPoints(0.0213); // '+2.1'
 * signedPoints(-0.0025, 2); // '−0.25'
 */
export function signedPoints(d: number | null | undefined, digits = 1): string {
  return signedDifference(typeof d === 'number' ? 100 * d : d, digits);
}

/**
 * A confidence interval of a fraction difference in points; an end that is not finite (one pair
 * gives (−∞, +∞), written to JSON as null) shows as ∞.
 *
 * @example
 * pointsInterval({ lower: -0.011, upper: 0.032 }); // '[−1.1, +3.2]'
 */
export function pointsInterval(ci: { readonly lower: number | null; readonly upper: number | null }): string {
  const end = (v: number | null, sign: string): string => (typeof v === 'number' && Number.isFinite(v) ? signedPoints(v) : `${sign}∞`);
  return `[${end(ci.lower, '−')}, ${end(ci.upper, '+')}]`;
}

/**
 * A p-value: three decimals, or two significant digits below 0.01.
 *
 * @example
 * pValueText(0.03125); // '0.031'
 * pValueText(0.00213); // '0.0021'
 */
export function pValueText(p: number | null | undefined): string {
  if (typeof p !== 'number' || !Number.isFinite(p)) return '–';
  return p >= 0.01 ? p.toFixed(3) : p.toPrecision(2);
}

/**
 * An integer with comma thousands separators.
 *
 * @example
 * count(148229); // '148,229'
 */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}

/**
 * A byte count in B, KB (1024) or MB.
 *
 * @example
 * fileSize(3100); // '3.0 KB'
 */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${Math.round(bytes)} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}
