/**
 * @module RMS envelope of surface EMG: high-pass (or band-pass) to remove movement artefacts and
 * baseline, square, centred moving mean, square root. What is left is the muscle's activation
 * amplitude, a slow signal that survives resampling to a low model rate, where the 20–150 Hz
 * carrier itself could not.
 */
import { assertNumber, type SignalLike } from '../preprocess/arguments.js';
import { smoothingWindowLength } from '../preprocess/preprocess-config.js';
import { bandSections } from '../filters/butterworth.js';
import { movingMean } from '../filters/moving-mean.js';
import { sosFiltfilt } from '../filters/sos-filtfilt.js';

/** Options of {@link rmsEnvelope}. */
export interface RmsEnvelopeOptions {
  /** Edge of the 2nd-order Butterworth high-pass (zero-phase), Hz. */
  readonly highPassHz: number;
  /** Edge of an optional 2nd-order Butterworth low-pass (zero-phase), Hz, or `null`. */
  readonly lowPassHz: number | null;
  /** Moving-mean window, s (an odd number of samples, `2·⌊s·rate/2⌋ + 1`). */
  readonly windowSeconds: number;
}

/**
 * The RMS envelope of `x` at its own rate: `sqrt(movingMean(filtered², window))`.
 *
 * @param x - finite samples (fill missing values first).
 * @returns a new Float64Array of the same length, ≥ 0, in the unit of `x`.
 * @throws SignalsError `SIGNAL_INVALID_ARGUMENT` naming a bad argument (an edge at or above
 *   Nyquist, a window longer than the signal, …).
 *
 * @example
 * const envelope = rmsEnvelope(corrugatorUv, 512, { highPassHz: 20, lowPassHz: null, windowSeconds: 0.25 });
 */
export function rmsEnvelope(x: SignalLike, sampleRate: number, options: RmsEnvelopeOptions): Float64Array {
  assertNumber('sampleRate', sampleRate, Number.MIN_VALUE);
  assertNumber('options.windowSeconds', options.windowSeconds, 0, x.length / sampleRate);
  const filtered = sosFiltfilt(bandSections(options.highPassHz, options.lowPassHz, sampleRate), x);
  for (let i = 0; i < filtered.length; i++) filtered[i] *= filtered[i];
  const mean = movingMean(filtered, smoothingWindowLength(options.windowSeconds, sampleRate));
  for (let i = 0; i < mean.length; i++) mean[i] = Math.sqrt(Math.max(0, mean[i]));
  return mean;
}
