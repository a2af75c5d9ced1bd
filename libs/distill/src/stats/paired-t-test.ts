/** @module The paired t-test (scipy.stats.ttest_rel, two-sided) with the CI of the mean difference. */
import { meanDifferenceTTest, type TTestResult } from './mean-difference-t.js';
import { checkOpenUnit, pairedDifferences } from './sample.js';

/** Options of {@link pairedTTest}. */
export interface PairedTTestOptions {
  /** Confidence level of the interval. Default 0.95. */
  readonly level?: number;
}

/**
 * Two-sided paired t-test of mean(a − b) = 0, equal to `scipy.stats.ttest_rel(a, b)` (statistic,
 * df = n − 1, p-value), plus the confidence interval of the mean difference a − b,
 * mean ± t_{(1+level)/2, n−1} · s/√n (scipy's `confidence_interval(level)`).
 *
 * It assumes the n differences are independent. Cross-validation folds are not (their training
 * sets overlap), repeated cross-validation even less; see `correctedResampledTTest`.
 *
 * Degenerate inputs return numbers, not NaN: one pair gives statistic 0, p = 1 and the
 * interval (−∞, +∞); identical differences d give the interval [d, d], with p = 1 when d = 0 and
 * p = 0 (statistic ±∞, as scipy) otherwise. Empty, unequal-length or non-finite samples throw
 * `STATS_INVALID_ARGUMENT`.
 *
 * @example
 * const r = pairedTTest([0.82, 0.85, 0.8], [0.8, 0.84, 0.77]);
 * // r.statistic 3.464, r.df 2, r.pValue 0.0742, r.ci { lower: −0.00484, upper: 0.0448, level: 0.95 }
 */
export function pairedTTest(a: ArrayLike<number>, b: ArrayLike<number>, options: PairedTTestOptions = {}): TTestResult {
  const level = options.level ?? 0.95;
  checkOpenUnit(level, 'level');
  const d = pairedDifferences(a, b);
  return meanDifferenceTTest(d, 1 / d.length, level);
}
