/**
 * @module Z-score normalisation, safe on flat signals: a flat signal becomes all zeros, never NaN
 * or Infinity.
 */
import { assertFiniteSignal, assertNumber, assertSignal, type SignalLike } from './arguments.js';
import { isFlat, type SignalStats } from './signal-stats.js';

/**
 * Returns `(x − mean) / sd` (population sd) as a new Float64Array. With `stats` (e.g. per-subject
 * statistics from {@link computeSignalStats}) those are used; without, the window's own. A flat
 * signal (sd negligible next to |mean|) gives zeros.
 *
 * @throws SignalsError `SIGNAL_INVALID_ARGUMENT` naming `x`, `stats.mean` or `stats.sd`.
 *
 * @example
 * zScoreNormalize(new Float64Array([1, 3])); // [-1, 1]
 */
export function zScoreNormalize(x: SignalLike, stats?: Pick<SignalStats, 'mean' | 'sd'>): Float64Array {
  assertSignal('x', x);
  assertFiniteSignal('x', x);
  const n = x.length;
  let mean: number;
  let sd: number;
  if (stats !== undefined) {
    assertNumber('stats.mean', stats.mean);
    assertNumber('stats.sd', stats.sd, 0);
    ({ mean, sd } = stats);
  } else {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += x[i];
    mean = n === 0 ? 0 : sum / n;
    let squares = 0;
    for (let i = 0; i < n; i++) squares += (x[i] - mean) * (x[i] - mean);
    sd = n === 0 ? 0 : Math.sqrt(squares / n);
  }
  const y = new Float64Array(n);
  if (isFlat(sd, mean)) return y;
  for (let i = 0; i < n; i++) y[i] = (x[i] - mean) / sd;
  return y;
}
