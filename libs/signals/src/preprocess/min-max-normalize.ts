/**
 * @module Min-max normalisation to [0, 1], safe on flat signals (the seed notebook divided by
 * zero there): a flat signal becomes all zeros, never NaN or Infinity.
 */
import { assertFiniteSignal, assertNumber, assertSignal, type SignalLike } from './arguments.js';
import { isFlat, type SignalStats } from './signal-stats.js';

/**
 * Returns `(x − min) / (max − min)` as a new Float64Array. With `stats` (e.g. per-subject
 * statistics from {@link computeSignalStats}) those bounds are used, so values may fall outside
 * [0, 1]; without, the window's own bounds are used. A flat range gives zeros.
 *
 * @throws SignalsError `SIGNAL_INVALID_ARGUMENT` naming `x`, `stats.min` or `stats.max`.
 *
 * @example
 * minMaxNormalize(new Float64Array([2, 4, 6])); // [0, 0.5, 1]
 */
export function minMaxNormalize(x: SignalLike, stats?: Pick<SignalStats, 'min' | 'max'>): Float64Array {
  assertSignal('x', x);
  assertFiniteSignal('x', x);
  const n = x.length;
  let min: number;
  let max: number;
  if (stats !== undefined) {
    assertNumber('stats.min', stats.min);
    assertNumber('stats.max', stats.max, stats.min);
    ({ min, max } = stats);
  } else {
    min = Infinity;
    max = -Infinity;
    for (let i = 0; i < n; i++) {
      if (x[i] < min) min = x[i];
      if (x[i] > max) max = x[i];
    }
  }
  const y = new Float64Array(n);
  const range = max - min;
  if (n === 0 || isFlat(range, Math.max(Math.abs(min), Math.abs(max)))) return y;
  for (let i = 0; i < n; i++) y[i] = (x[i] - min) / range;
  return y;
}
