/**
 * @module Missing-value filling: NaN and ±Infinity samples are replaced by linear interpolation
 * between their nearest valid neighbours (the nearest valid value at the edges). Samples are never
 * deleted, so timing is kept (the seed notebook dropped NaNs, shifting everything after them).
 */
import { SignalsError } from '../errors.js';
import { assertNumber, assertSignal, type SignalLike } from './arguments.js';

/** Default largest tolerated fraction of missing samples (also the preprocessing default). */
export const DEFAULT_MAX_MISSING_FRACTION = 0.2;

/** Options of {@link fillMissing}. */
export interface FillMissingOptions {
  /**
   * Largest tolerated fraction of missing samples, in [0, 1]; more raises
   * `SIGNAL_TOO_MUCH_MISSING`. Default {@link DEFAULT_MAX_MISSING_FRACTION}.
   */
  readonly maxMissingFraction?: number;
  /** Where the signal came from (e.g. `recording.channels.ecg`), named in the error's location. */
  readonly path?: string;
}

/**
 * Returns a Float64Array copy of `x` whose non-finite samples are linearly interpolated between
 * the nearest finite neighbours; leading/trailing runs take the nearest finite value. An empty
 * input gives an empty output.
 *
 * @throws SignalsError `SIGNAL_TOO_MUCH_MISSING` when more than `maxMissingFraction` of the
 *   samples are missing, or all of them are (details: `missing`, `total`, `fraction`,
 *   `maxMissingFraction`); `SIGNAL_INVALID_ARGUMENT` for bad arguments.
 *
 * @example
 * fillMissing(new Float64Array([1, NaN, 3, Infinity]), { maxMissingFraction: 0.5 }); // [1, 2, 3, 3]
 */
export function fillMissing(x: SignalLike, options: FillMissingOptions = {}): Float64Array {
  assertSignal('x', x);
  const maxMissingFraction = options.maxMissingFraction ?? DEFAULT_MAX_MISSING_FRACTION;
  assertNumber('maxMissingFraction', maxMissingFraction, 0, 1);
  const n = x.length;
  const y = new Float64Array(n);
  let missing = 0;
  for (let i = 0; i < n; i++) {
    const v = x[i];
    if (Number.isFinite(v)) y[i] = v;
    else missing++;
  }
  if (missing === 0) return y;
  const fraction = missing / n;
  const details = { missing, total: n, fraction, maxMissingFraction };
  const location = options.path === undefined ? {} : { path: options.path };
  if (missing === n) {
    throw new SignalsError('SIGNAL_TOO_MUCH_MISSING', `all ${n} samples are missing`, location, details);
  }
  if (fraction > maxMissingFraction) {
    throw new SignalsError(
      'SIGNAL_TOO_MUCH_MISSING',
      `${missing} of ${n} samples missing (${(100 * fraction).toFixed(1)}% > ${(100 * maxMissingFraction).toFixed(1)}%)`,
      location,
      details,
    );
  }
  let previous = -1;
  for (let i = 0; i <= n; i++) {
    if (i < n && !Number.isFinite(x[i])) continue;
    if (i - previous > 1) fillGap(y, previous, i, n);
    previous = i;
  }
  return y;
}

/** Fills `y(previous, next)` exclusive; `previous = -1` or `next = n` mean an open edge. */
function fillGap(y: Float64Array, previous: number, next: number, n: number): void {
  if (previous < 0) {
    y.fill(y[next], 0, next);
  } else if (next >= n) {
    y.fill(y[previous], previous + 1, n);
  } else {
    const a = y[previous];
    const step = (y[next] - a) / (next - previous);
    for (let i = previous + 1; i < next; i++) y[i] = a + step * (i - previous);
  }
}
