/**
 * @module The Wilcoxon signed-rank test on paired differences, two-sided, as scipy.stats.wilcoxon's
 * defaults in scipy 1.10 (zeros dropped, no continuity correction), exact for small tie-free samples.
 */
import { normalSf } from './normal-distribution.js';
import { RELATIVE_TIE_TOLERANCE, toSample } from './sample.js';

/** Largest sample the exact null distribution is used for (scipy's 'auto' rule). */
export const WILCOXON_EXACT_LIMIT = 50;

/** The outcome of {@link wilcoxonSignedRank}. */
export interface WilcoxonResult {
  /** min(R+, R−), as scipy's two-sided statistic. */
  readonly statistic: number;
  readonly pValue: number;
  /** Number of non-zero differences ranked (zeros are dropped). */
  readonly n: number;
  /** 'exact': the exact null distribution; 'approx': the normal approximation with tie correction. */
  readonly method: 'exact' | 'approx';
  /** Sum of the ranks of the positive differences. */
  readonly rankSumPositive: number;
  /** Sum of the ranks of the negative differences. */
  readonly rankSumNegative: number;
}

/**
 * Two-sided Wilcoxon signed-rank test of "the differences are symmetric about 0".
 *
 * - Zeros are dropped (zero_method 'wilcox'); `n` counts the rest. |d| values within
 *   {@link RELATIVE_TIE_TOLERANCE} · max |d| of each other are ties (average ranks), and within
 *   that of 0 are zeros, so float noise in equal fold scores neither breaks nor invents a tie.
 * - 'exact' when there are at most 50 differences, no zeros and no ties: p = 2·min(P(R+ ≤ r),
 *   P(R+ ≥ r)) from the exact distribution of R+, and 1 at its centre, as `scipy.stats.wilcoxon(d)`.
 * - 'approx' otherwise: z = (T − n(n+1)/4) / σ with the tie-corrected σ² = (n(n+1)(2n+1) −
 *   ½Σ t(t² − 1)) / 24 and no continuity correction, p = 2·P(Z > |z|), as
 *   `scipy.stats.wilcoxon(d, method='approx')`. scipy 1.10's 'auto' agrees except with ties and no
 *   zeros, where it applies the exact table to a truncated statistic (scipy issues 13689, 15856).
 *   The approximation is rough for few pairs: five tied positive differences give p ≈ 0.042,
 *   below the 0.0625 floor of any exact test on five pairs (`minAttainablePValue`).
 * - Every difference zero: nothing to rank; statistic 0, n 0, p = 1 (exactly: every sign pattern
 *   gives the same statistic), method 'exact'.
 *
 * Empty or non-finite input throws `STATS_INVALID_ARGUMENT`.
 *
 * @example
 * wilcoxonSignedRank([0.01, 0.02, 0.03, 0.04, 0.05]); // { statistic: 0, pValue: 0.0625, n: 5, method: 'exact', … }
 */
export function wilcoxonSignedRank(differences: ArrayLike<number>): WilcoxonResult {
  const d = toSample(differences, 'differences');
  const tolerance = RELATIVE_TIE_TOLERANCE * d.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  const nonzero = d.filter((v) => Math.abs(v) > tolerance);
  const n = nonzero.length;
  if (n === 0) return { statistic: 0, pValue: 1, n: 0, method: 'exact', rankSumPositive: 0, rankSumNegative: 0 };
  const { ranks, tieGroups } = averageRanks(nonzero.map(Math.abs), tolerance);
  let rankSumPositive = 0;
  let rankSumNegative = 0;
  nonzero.forEach((v, i) => (v > 0 ? (rankSumPositive += ranks[i]) : (rankSumNegative += ranks[i])));
  const statistic = Math.min(rankSumPositive, rankSumNegative);
  const sums = { statistic, rankSumPositive, rankSumNegative, n };
  if (d.length <= WILCOXON_EXACT_LIMIT && n === d.length && tieGroups.length === 0) {
    return { ...sums, pValue: exactPValue(n, rankSumPositive), method: 'exact' };
  }
  const mean = (n * (n + 1)) / 4;
  const tieCorrection = 0.5 * tieGroups.reduce((s, t) => s + t * (t * t - 1), 0);
  const sd = Math.sqrt((n * (n + 1) * (2 * n + 1) - tieCorrection) / 24);
  return { ...sums, pValue: Math.min(1, 2 * normalSf(Math.abs((statistic - mean) / sd))), method: 'approx' };
}

/** 1-based average ranks of non-negative values, and the sizes of the tied groups (size ≥ 2). */
function averageRanks(values: Float64Array, tolerance: number): { ranks: Float64Array; tieGroups: number[] } {
  const order = Array.from(values.keys()).sort((i, j) => values[i] - values[j]);
  const ranks = new Float64Array(values.length);
  const tieGroups: number[] = [];
  for (let start = 0; start < order.length; ) {
    let end = start + 1;
    while (end < order.length && values[order[end]] - values[order[end - 1]] <= tolerance) end++;
    const rank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) ranks[order[k]] = rank;
    if (end - start > 1) tieGroups.push(end - start);
    start = end;
  }
  return { ranks, tieGroups };
}

/** Two-sided exact p of R+ = r among n tie-free ranks: the subset-sum counts of {1, …, n}. */
function exactPValue(n: number, r: number): number {
  const total = (n * (n + 1)) / 2;
  if (r === Math.floor(total / 2)) return 1;
  const counts = new Float64Array(total + 1); // counts < 2^50: exact in a double
  counts[0] = 1;
  for (let k = 1; k <= n; k++) for (let s = (k * (k + 1)) / 2; s >= k; s--) counts[s] += counts[s - k];
  let atMost = 0;
  let atLeast = 0;
  counts.forEach((c, s) => {
    if (s <= r) atMost += c;
    if (s >= r) atLeast += c;
  });
  return Math.min(1, (2 * Math.min(atMost, atLeast)) / 2 ** n);
}
