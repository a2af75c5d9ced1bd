/**
 * @module The sign-flip permutation test of a mean paired difference: exact over all 2^n sign
 * patterns (meet in the middle) for up to 30 pairs, a seeded Monte Carlo above.
 */
import { mulberry32 } from '@painkd/signals';
import { DistillError } from '../errors.js';
import { RELATIVE_TIE_TOLERANCE, toSample } from './sample.js';

/** Default number of pairs up to which every sign pattern is counted. */
export const SIGN_FLIP_EXACT_LIMIT = 30;
/** Largest exact limit accepted: 2^20 sums per half. */
const MAX_EXACT_LIMIT = 40;

/** Options of {@link signFlipPermutationTest}. */
export interface SignFlipOptions {
  /** Count all 2^n sign patterns up to this many pairs (at most 40). Default 30. */
  readonly exactLimit?: number;
  /** Random sign patterns drawn above the exact limit. Default 99 999. */
  readonly resamples?: number;
  /** Seed of the Monte Carlo draws (mulberry32). Default 0. */
  readonly seed?: number;
}

/** The outcome of {@link signFlipPermutationTest}. */
export interface SignFlipResult {
  /** The observed mean difference. */
  readonly meanDifference: number;
  readonly pValue: number;
  /** Number of pairs. */
  readonly n: number;
  readonly method: 'exact' | 'monte-carlo';
  /** Sign patterns counted: 2^n when exact, the resamples when Monte Carlo. */
  readonly permutations: number;
  /** The seed used, for Monte Carlo only. */
  readonly seed?: number;
}

/**
 * Two-sided sign-flip permutation test of "mean difference = 0": under the null each difference
 * is as likely to have had the other sign, so the observed mean is compared with the means of the
 * sign-flipped samples. p = 2·min(P(T ≤ t), P(T ≥ t)), capped at 1, as
 * `scipy.stats.permutation_test((d, 0·d), mean, permutation_type='samples')`. Null values within
 * {@link RELATIVE_TIE_TOLERANCE} · Σ|d| of the observed sum count as equal to it.
 *
 * - n ≤ `exactLimit`: exact. Each half of the sample lists its 2^(n/2) signed sums; a sorted half
 *   and two binary searches count all 2^n patterns in O(2^(n/2) · n) time.
 * - Above: `resamples` random patterns from a mulberry32 stream seeded with `seed`, with p =
 *   2·min(#{T ≤ t} + 1, #{T ≥ t} + 1) / (resamples + 1) (scipy's convention; never 0).
 *
 * One pair always gives p = 1; the smallest p any n pairs can give is
 * `minAttainablePValue(n)`. Bad input throws `STATS_INVALID_ARGUMENT`.
 *
 * @example
 * signFlipPermutationTest([0.01, 0.02, 0.03, 0.04, 0.05]).pValue; // 0.0625 = 2/2^5
 */
export function signFlipPermutationTest(differences: ArrayLike<number>, options: SignFlipOptions = {}): SignFlipResult {
  const exactLimit = options.exactLimit ?? SIGN_FLIP_EXACT_LIMIT;
  const resamples = options.resamples ?? 99_999;
  const seed = options.seed ?? 0;
  if (!(Number.isInteger(exactLimit) && exactLimit >= 0 && exactLimit <= MAX_EXACT_LIMIT)) {
    throw new DistillError('STATS_INVALID_ARGUMENT', `exactLimit must be an integer in [0, ${MAX_EXACT_LIMIT}], got ${exactLimit}`);
  }
  if (!(Number.isInteger(resamples) && resamples >= 1)) throw new DistillError('STATS_INVALID_ARGUMENT', `resamples must be a positive integer, got ${resamples}`);
  if (!Number.isInteger(seed)) throw new DistillError('STATS_INVALID_ARGUMENT', `seed must be an integer, got ${seed}`);
  const d = toSample(differences, 'differences');
  const n = d.length;
  const tolerance = RELATIVE_TIE_TOLERANCE * d.reduce((s, v) => s + Math.abs(v), 0);
  const observed = d.reduce((s, v) => s + v, 0);
  if (n <= exactLimit) {
    const { less, greater } = exactCounts(d, observed, tolerance);
    const permutations = 2 ** n;
    return { meanDifference: observed / n, pValue: Math.min(1, (2 * Math.min(less, greater)) / permutations), n, method: 'exact', permutations };
  }
  const random = mulberry32(seed);
  let less = 0;
  let greater = 0;
  for (let r = 0; r < resamples; r++) {
    let sum = 0;
    for (const v of d) sum += random() < 0.5 ? -v : v;
    if (sum <= observed + tolerance) less++;
    if (sum >= observed - tolerance) greater++;
  }
  const pValue = Math.min(1, (2 * (Math.min(less, greater) + 1)) / (resamples + 1));
  return { meanDifference: observed / n, pValue, n, method: 'monte-carlo', permutations: resamples, seed };
}

/** Counts the sign patterns whose sum is ≤ observed + tol and ≥ observed − tol, over all 2^n. */
function exactCounts(d: Float64Array, observed: number, tolerance: number): { less: number; greater: number } {
  const half = Math.floor(d.length / 2);
  const left = signedSums(d.subarray(0, half));
  const right = signedSums(d.subarray(half)).sort();
  let less = 0;
  let greater = 0;
  for (const a of left) {
    less += countBefore(right, observed + tolerance - a, true);
    greater += right.length - countBefore(right, observed - tolerance - a, false);
  }
  return { less, greater };
}

/** Σ ±x_i for every sign pattern (bit i of the index set means +x_i). */
function signedSums(x: Float64Array): Float64Array {
  const sums = new Float64Array(2 ** x.length);
  sums[0] = -x.reduce((s, v) => s + v, 0);
  for (let i = 0; i < x.length; i++) {
    const bit = 2 ** i;
    for (let m = 0; m < bit; m++) sums[m | bit] = sums[m] + 2 * x[i];
  }
  return sums;
}

/** Number of entries of a sorted array below x (or at most x when `inclusive`). */
function countBefore(sorted: Float64Array, x: number, inclusive: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < x || (inclusive && sorted[mid] === x)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
