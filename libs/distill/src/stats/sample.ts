/** @module Input checks shared by the paired statistics: finite, non-empty samples of differences. */
import { DistillError } from '../errors.js';

/**
 * Relative tolerance under which two |differences| count as tied (or a difference as zero): values
 * within `RELATIVE_TIE_TOLERANCE · max |d|` of each other. Accuracy differences that are equal in
 * exact arithmetic (0.7 − 0.6 and 0.9 − 0.8) differ in their last bits as doubles; scipy would rank
 * them as distinct. Real differences between fold scores are many orders of magnitude wider.
 */
export const RELATIVE_TIE_TOLERANCE = 1e-12;

/**
 * Copies a sample into a Float64Array after checking it is non-empty and finite.
 *
 * @example
 * toSample([0.01, -0.02], 'differences'); // Float64Array [0.01, -0.02]
 */
export function toSample(values: ArrayLike<number>, name: string): Float64Array {
  if (values.length === 0) throw new DistillError('STATS_INVALID_ARGUMENT', `${name} is empty: a paired test needs at least one pair`);
  const out = Float64Array.from(values);
  const bad = out.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) throw new DistillError('STATS_INVALID_ARGUMENT', `${name}[${bad}] is ${values[bad]}, not a finite number`, { index: bad });
  return out;
}

/**
 * The paired differences `a[i] − b[i]` after checking both samples.
 *
 * @example
 * pairedDifferences([0.8, 0.9], [0.75, 0.9]); // Float64Array [0.05…, 0]
 */
export function pairedDifferences(a: ArrayLike<number>, b: ArrayLike<number>): Float64Array {
  const x = toSample(a, 'a');
  const y = toSample(b, 'b');
  if (x.length !== y.length) {
    throw new DistillError('STATS_INVALID_ARGUMENT', `paired samples differ in length: a has ${x.length} values, b has ${y.length}`, {
      a: x.length,
      b: y.length,
    });
  }
  return x.map((v, i) => v - y[i]);
}

/**
 * Checks a probability-like option lies strictly between 0 and 1.
 *
 * @example
 * checkOpenUnit(0.95, 'level'); // ok; checkOpenUnit(1, 'level') throws STATS_INVALID_ARGUMENT
 */
export function checkOpenUnit(value: number, name: string): void {
  if (!(value > 0 && value < 1)) throw new DistillError('STATS_INVALID_ARGUMENT', `${name} must lie strictly between 0 and 1, got ${value}`);
}
