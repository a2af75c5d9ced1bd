/**
 * @module The t-test on a mean of paired differences, with the variance factor as a parameter:
 * 1/n gives the plain paired t-test, 1/n + n_test/n_train the corrected resampled t-test.
 */
import { studentTSf } from './student-t.js';
import { studentTUpperQuantile } from './student-t-quantile.js';

/** A two-sided confidence interval. */
export interface ConfidenceInterval {
  readonly lower: number;
  readonly upper: number;
  /** Coverage, e.g. 0.95. */
  readonly level: number;
}

/** The outcome of a two-sided t-test on a mean difference. */
export interface TTestResult {
  /** Number of pairs. */
  readonly n: number;
  /** Mean of the differences. */
  readonly meanDifference: number;
  /** Sample standard deviation of the differences (n − 1 denominator; 0 for one pair). */
  readonly sd: number;
  /** t = mean / √(varianceFactor · sd²); 0 for one pair, ±∞ for identical non-zero differences. */
  readonly statistic: number;
  /** Degrees of freedom, n − 1. */
  readonly df: number;
  /** Two-sided p-value, 2·P(T_df > |t|). */
  readonly pValue: number;
  /** Confidence interval of the mean difference at the requested level. */
  readonly ci: ConfidenceInterval;
}

/**
 * t-test of "mean difference = 0" with standard error √(varianceFactor · s²). The degenerate cases
 * return numbers, never NaN:
 * - one pair: no spread can be estimated: statistic 0, df 0, p 1, CI (−∞, +∞);
 * - n ≥ 2 identical differences d: CI [d, d]; d = 0 gives statistic 0 and p 1, d ≠ 0 gives
 *   statistic ±∞ and p 0 (as scipy, which divides by a zero standard error).
 *
 * @example
 * meanDifferenceTTest(Float64Array.of(0.01, 0.03, 0.02), 1 / 3, 0.95).pValue; // 0.0742 (t = 3.46, df = 2)
 */
export function meanDifferenceTTest(d: Float64Array, varianceFactor: number, level: number): TTestResult {
  const n = d.length;
  const mean = d.reduce((s, v) => s + v, 0) / n;
  if (n === 1) return { n, meanDifference: mean, sd: 0, statistic: 0, df: 0, pValue: 1, ci: { lower: -Infinity, upper: Infinity, level } };
  const df = n - 1;
  if (d.every((v) => v === d[0])) {
    const same = d[0];
    const statistic = same === 0 ? 0 : same * Infinity;
    return { n, meanDifference: same, sd: 0, statistic, df, pValue: same === 0 ? 1 : 0, ci: { lower: same, upper: same, level } };
  }
  const sd = Math.sqrt(d.reduce((s, v) => s + (v - mean) * (v - mean), 0) / df);
  const se = Math.sqrt(varianceFactor) * sd;
  const statistic = mean / se;
  const half = studentTUpperQuantile((1 - level) / 2, df) * se;
  return {
    n,
    meanDifference: mean,
    sd,
    statistic,
    df,
    pValue: Math.min(1, 2 * studentTSf(Math.abs(statistic), df)),
    ci: { lower: mean - half, upper: mean + half, level },
  };
}
