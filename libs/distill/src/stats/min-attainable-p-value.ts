/** @module The floor on the p-value of an exact two-sided sign-based test with n pairs. */
import { DistillError } from '../errors.js';

/**
 * Smallest two-sided p-value an exact Wilcoxon signed-rank or sign-flip permutation test can
 * give with `n` non-zero paired differences: 2/2^n, reached when every difference has the same
 * sign (ties or zeros only raise it). With 5 folds it is 0.0625, so 5 folds can never show a
 * difference at α = 0.05, however large; 6 pairs give 0.03125, 10 pairs 0.00195.
 *
 * @example
 * minAttainablePValue(5); // 0.0625
 */
export function minAttainablePValue(n: number): number {
  if (!(Number.isInteger(n) && n >= 0)) throw new DistillError('STATS_INVALID_ARGUMENT', `n must be a non-negative integer, got ${n}`);
  return Math.min(1, 2 ** (1 - n));
}
