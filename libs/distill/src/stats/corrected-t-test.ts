/**
 * @module The corrected resampled t-test for (repeated) k-fold cross-validation: Nadeau & Bengio
 * (2003), as applied to repeated k-fold by Bouckaert & Frank (2004).
 */
import { DistillError } from '../errors.js';
import { meanDifferenceTTest, type TTestResult } from './mean-difference-t.js';
import { checkOpenUnit, toSample } from './sample.js';

/** Options of {@link correctedResampledTTest}. */
export interface CorrectedTTestOptions {
  /**
   * n_test / n_train of one fold: test over training subjects (or windows), e.g. 1/(k − 1) for
   * k-fold cross-validation without a validation split.
   */
  readonly testTrainRatio: number;
  /** Confidence level of the interval. Default 0.95. */
  readonly level?: number;
}

/** A corrected resampled t-test: the t-test fields plus the ratio that inflated the variance. */
export interface CorrectedTTestResult extends TTestResult {
  readonly testTrainRatio: number;
}

/**
 * Two-sided corrected resampled t-test of mean difference = 0 over the n = k·r differences of a
 * k-fold cross-validation repeated r times (one difference per repeat and fold):
 * t = d̄ / √((1/n + n_test/n_train) · s²), df = n − 1, CI d̄ ± t_{(1+level)/2, n−1} · √(…).
 *
 * Why the plain paired t-test is over-confident here: it takes the n differences as independent,
 * so Var(d̄) = s²/n. They are not. Any two folds share most of their training subjects, and across
 * repeats the same subjects recur, re-dealt into new folds; the differences are positively
 * correlated (ρ), and Var(d̄) = s²(1/n + ρ/(1 − ρ)). Adding repeats shrinks 1/n but not the
 * correlation term, so a plain test grows "significant" just by repeating the same data.
 * Nadeau & Bengio estimate ρ/(1 − ρ) by n_test/n_train, which keeps the test's size near its
 * nominal level (Bouckaert & Frank 2004 found it the most replicable of the tests they compared).
 *
 * Degenerate inputs as {@link meanDifferenceTTest}: one difference gives p = 1 and an unbounded
 * interval; identical differences d give [d, d]. Bad input throws `STATS_INVALID_ARGUMENT`.
 *
 * @example
 * // 5-fold CV repeated twice: 10 differences, test/train = 1/4
 * correctedResampledTTest(differences, { testTrainRatio: 1 / 4 }).ci; // wider than pairedTTest's
 */
export function correctedResampledTTest(differences: ArrayLike<number>, options: CorrectedTTestOptions): CorrectedTTestResult {
  const { testTrainRatio } = options;
  const level = options.level ?? 0.95;
  if (!(testTrainRatio > 0 && Number.isFinite(testTrainRatio))) {
    throw new DistillError('STATS_INVALID_ARGUMENT', `testTrainRatio must be finite and > 0 (n_test / n_train of one fold), got ${testTrainRatio}`);
  }
  checkOpenUnit(level, 'level');
  const d = toSample(differences, 'differences');
  return { ...meanDifferenceTTest(d, 1 / d.length + testTrainRatio, level), testTrainRatio };
}
