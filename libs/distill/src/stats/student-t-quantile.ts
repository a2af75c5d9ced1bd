/**
 * @module Quantiles of Student's t: a Newton iteration on ln P(T > t), kept inside a bracket that
 * bisection shrinks whenever a Newton step would leave it (so it always converges).
 */
import { DistillError } from '../errors.js';
import { checkDf, studentTPdf, studentTSf } from './student-t.js';

const MAX_STEPS = 400;

/**
 * The t with P(T ≤ t) = p for T ~ Student t with `df` > 0 degrees of freedom; matches
 * `scipy.stats.t.ppf` to ~1e−13 relative for p in [1e−6, 1 − 1e−6]. p = 0 and p = 1 give ∓∞.
 *
 * @example
 * studentTQuantile(0.975, 9); // 2.2621571627982044
 */
export function studentTQuantile(p: number, df: number): number {
  checkDf(df);
  if (!(p >= 0 && p <= 1)) throw new DistillError('STATS_INVALID_ARGUMENT', `a quantile needs a probability in [0, 1], got ${p}`);
  if (p === 0.5) return 0;
  return p < 0.5 ? -studentTUpperQuantile(p, df) : studentTUpperQuantile(1 - p, df);
}

/**
 * The t ≥ 0 with P(T > t) = `tail` (0 < tail ≤ ½): the two-sided critical value is
 * `studentTUpperQuantile((1 − level) / 2, df)`. Taking the tail directly keeps precision that
 * `1 − p` would lose.
 *
 * @example
 * studentTUpperQuantile(0.025, 9); // 2.2621571627982044
 */
export function studentTUpperQuantile(tail: number, df: number): number {
  checkDf(df);
  if (!(tail >= 0 && tail <= 0.5)) throw new DistillError('STATS_INVALID_ARGUMENT', `an upper-tail probability must lie in [0, 0.5], got ${tail}`);
  if (tail === 0) return Infinity;
  if (tail === 0.5) return 0;
  let lo = 0;
  let hi = 1;
  while (studentTSf(hi, df) > tail) {
    lo = hi;
    hi *= 2;
  }
  const target = Math.log(tail);
  let t = hi;
  for (let step = 0; step < MAX_STEPS; step++) {
    const sf = studentTSf(t, df);
    if (sf === tail) return t;
    if (sf > tail) lo = t;
    else hi = t;
    // Newton on g(t) = ln sf(t) − ln tail, g'(t) = −pdf/sf.
    let next = t + ((Math.log(sf) - target) * sf) / studentTPdf(t, df);
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    if (Math.abs(next - t) <= 2e-16 * t || next === lo || next === hi) return next;
    t = next;
  }
  return t;
}
