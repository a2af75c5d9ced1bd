/**
 * @module Outlier clipping by z-score: samples beyond mean ± z·sd are clipped to that bound.
 * Length and timing are kept (the seed notebook deleted outlying samples, shifting time).
 */
import { assertFiniteSignal, assertNumber, assertSignal, type SignalLike } from './arguments.js';

/** Default clipping threshold in standard deviations (also the preprocessing default). */
export const DEFAULT_Z_THRESHOLD = 4;

/** Options of {@link clipOutliers}. */
export interface ClipOutliersOptions {
  /** Clip to mean ± zThreshold·sd (population sd); > 0. Default {@link DEFAULT_Z_THRESHOLD}. */
  readonly zThreshold?: number;
}

/**
 * Returns a Float64Array copy of `x` clipped to `mean ± zThreshold·sd` of `x` itself (one pass,
 * population standard deviation as numpy's `std()`). A flat signal (sd = 0) is returned unchanged.
 *
 * @param x - finite samples (fill missing values first).
 * @throws SignalsError `SIGNAL_INVALID_ARGUMENT` naming `x` (non-finite sample) or `zThreshold`.
 *
 * @example
 * const clipped = clipOutliers(gsr, { zThreshold: 4 }); // electrode pops clipped, SCRs kept
 */
export function clipOutliers(x: SignalLike, options: ClipOutliersOptions = {}): Float64Array {
  assertSignal('x', x);
  const zThreshold = options.zThreshold ?? DEFAULT_Z_THRESHOLD;
  assertNumber('zThreshold', zThreshold, Number.MIN_VALUE);
  assertFiniteSignal('x', x);
  const n = x.length;
  const y = Float64Array.from(x);
  if (n === 0) return y;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += y[i];
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (y[i] - mean) * (y[i] - mean);
  const sd = Math.sqrt(squares / n);
  if (sd === 0) return y;
  const low = mean - zThreshold * sd;
  const high = mean + zThreshold * sd;
  for (let i = 0; i < n; i++) {
    if (y[i] < low) y[i] = low;
    else if (y[i] > high) y[i] = high;
  }
  return y;
}
