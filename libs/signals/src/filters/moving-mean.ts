/**
 * @module Centred moving mean over an odd number of samples, the edges extended with the nearest
 * sample: equal to `scipy.ndimage.uniform_filter1d(x, size, mode='nearest')`. One running sum, so
 * the cost does not grow with the window.
 */
import { assertFiniteSignal, assertInteger, assertSignal, invalidArgument, type SignalLike } from '../preprocess/arguments.js';

/**
 * `y[i]` = mean of `x[i − h … i + h]` with `h = (size − 1) / 2`, indices clamped to the signal.
 *
 * @param size - odd window length ≥ 1.
 * @returns a new Float64Array of the same length.
 * @throws SignalsError `SIGNAL_INVALID_ARGUMENT` naming `x` (empty or not finite) or `size`.
 *
 * @example
 * movingMean(Float64Array.of(0, 0, 3, 0, 0), 3); // [0, 1, 1, 1, 0]
 */
export function movingMean(x: SignalLike, size: number): Float64Array {
  assertSignal('x', x);
  assertFiniteSignal('x', x);
  assertInteger('size', size, 1);
  if (size % 2 === 0) invalidArgument('size', `must be odd, got ${size}`, { value: size });
  const n = x.length;
  if (n === 0) invalidArgument('x', 'must not be empty');
  const half = (size - 1) / 2;
  const at = (i: number): number => x[i < 0 ? 0 : i >= n ? n - 1 : i];
  const y = new Float64Array(n);
  let sum = 0;
  for (let i = -half; i <= half; i++) sum += at(i);
  for (let i = 0; i < n; i++) {
    y[i] = sum / size;
    sum += at(i + half + 1) - at(i - half);
  }
  return y;
}
