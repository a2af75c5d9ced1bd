/**
 * @module Continued fractions evaluated by the modified Lentz method (Lentz 1976; Thompson &
 * Barnett 1986): the engine behind the incomplete beta and the normal tail.
 */
import { DistillError } from '../errors.js';

/** Smallest magnitude the Lentz recurrences may divide by (guards a zero denominator). */
const TINY = 1e-300;

/** Options of {@link continuedFraction}. */
export interface ContinuedFractionOptions {
  /** Stop when a step changes the value by at most this relative amount. Default 2 ulp of 1 (4.4e−16). */
  readonly tolerance?: number;
  /** Terms tried before giving up with `STATS_NOT_CONVERGED`. Default 10 000. */
  readonly maxTerms?: number;
}

/**
 * Evaluates `b0 + a1 / (b1 + a2 / (b2 + …))`, where `term(i)` returns `[a_i, b_i]` for i ≥ 1.
 *
 * @example
 * // √2 = 1 + 1/(2 + 1/(2 + …))
 * continuedFraction(1, () => [1, 2]); // 1.4142135623730951
 */
export function continuedFraction(b0: number, term: (i: number) => readonly [number, number], options: ContinuedFractionOptions = {}): number {
  const tolerance = options.tolerance ?? 2 * Number.EPSILON;
  const maxTerms = options.maxTerms ?? 10_000;
  let f = b0 === 0 ? TINY : b0;
  let c = f;
  let d = 0;
  for (let i = 1; i <= maxTerms; i++) {
    const [a, b] = term(i);
    d = b + a * d;
    d = 1 / (Math.abs(d) < TINY ? TINY : d);
    c = b + a / c;
    if (Math.abs(c) < TINY) c = TINY;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) <= tolerance) return f;
  }
  throw new DistillError('STATS_NOT_CONVERGED', `continued fraction did not converge within ${maxTerms} terms`, { maxTerms });
}
