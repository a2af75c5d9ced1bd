/**
 * @module What the plausibility checks look at, measured in two passes over one window of skin
 * conductance: missing samples, extremes, samples out of range or negative, the fastest change
 * and the longest plateau at an extreme. Missing samples (NaN, ±Infinity) are skipped.
 */
import { assertNumber, assertSignal, invalidArgument, type SignalLike } from '../preprocess/arguments.js';

/** Measurements of one window (µS, µS/s, seconds). */
export interface SignalMeasures {
  readonly samples: number;
  /** NaN or ±Infinity samples. */
  readonly missing: number;
  /** Smallest and largest present sample (NaN when none is present). */
  readonly min: number;
  readonly max: number;
  /** Present samples below 0. */
  readonly negative: number;
  /** Present samples outside the range given. */
  readonly outOfRange: number;
  /** Largest |x[i + lag] − x[i]| / lag-seconds over present pairs (0 when there is none). */
  readonly maxSlope: number;
  /** Longest run of consecutive samples equal to the max or to the min, in samples. */
  readonly longestPlateau: number;
}

/**
 * Measures a window sampled at `sampleRate` Hz.
 *
 * @throws SignalsError `SIGNAL_INVALID_ARGUMENT` naming `x`, `sampleRate`, `range` or `slopeLagSeconds`.
 *
 * @example
 * measureSignal(window, 4, { min: 0.05, max: 60 }, 0.25); // { missing: 0, min: 3.9, max: 4.4, … }
 */
export function measureSignal(x: SignalLike, sampleRate: number, range: { readonly min: number; readonly max: number }, slopeLagSeconds: number): SignalMeasures {
  assertSignal('x', x);
  assertNumber('sampleRate', sampleRate, Number.MIN_VALUE);
  assertNumber('slopeLagSeconds', slopeLagSeconds, Number.MIN_VALUE);
  if (!(range.min < range.max)) invalidArgument('range', `min must be below max, got ${range.min}–${range.max}`);
  const n = x.length;
  let missing = 0;
  let min = Infinity;
  let max = -Infinity;
  let negative = 0;
  let outOfRange = 0;
  for (let i = 0; i < n; i++) {
    const v = x[i] as number;
    if (!Number.isFinite(v)) {
      missing++;
      continue;
    }
    if (v < min) min = v;
    if (v > max) max = v;
    if (v < 0) negative++;
    if (v < range.min || v > range.max) outOfRange++;
  }
  if (missing === n) return { samples: n, missing, min: NaN, max: NaN, negative: 0, outOfRange: 0, maxSlope: 0, longestPlateau: 0 };
  const lag = Math.max(1, Math.round(slopeLagSeconds * sampleRate));
  const lagSeconds = lag / sampleRate;
  let maxSlope = 0;
  let longestPlateau = 0;
  let runMax = 0;
  let runMin = 0;
  for (let i = 0; i < n; i++) {
    const v = x[i] as number;
    runMax = v === max ? runMax + 1 : 0;
    runMin = v === min ? runMin + 1 : 0;
    if (runMax > longestPlateau) longestPlateau = runMax;
    if (runMin > longestPlateau) longestPlateau = runMin;
    if (i >= lag) {
      const slope = Math.abs(v - (x[i - lag] as number)) / lagSeconds;
      if (slope > maxSlope) maxSlope = slope;
    }
  }
  return { samples: n, missing, min, max, negative, outOfRange, maxSlope, longestPlateau };
}
