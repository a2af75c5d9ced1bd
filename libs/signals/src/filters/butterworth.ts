/**
 * @module Second-order Butterworth sections (bilinear transform, pre-warped at the cutoff): the
 * same transfer functions as `scipy.signal.butter(2, cutoff, btype, fs=fs, output='sos')`. A
 * band-pass here is a high-pass section followed by a low-pass section, so each edge keeps the
 * Butterworth shape whatever the bandwidth. Run them with `sosFiltfilt` for zero phase.
 */
import { assertNumber, invalidArgument } from '../preprocess/arguments.js';

/**
 * A cascade of second-order sections, five coefficients each: `b0, b1, b2, a1, a2` (`a0 = 1`),
 * evaluated as `y = (b0 + b1 z⁻¹ + b2 z⁻²) / (1 + a1 z⁻¹ + a2 z⁻²)`.
 */
export type SecondOrderSections = Float64Array;

/** Coefficients per section in a {@link SecondOrderSections} array. */
export const SECTION_LENGTH = 5;

/**
 * One second-order Butterworth low-pass or high-pass section at `cutoffHz` for `sampleRate`.
 *
 * @throws SignalsError `SIGNAL_INVALID_ARGUMENT` naming `cutoffHz` unless `0 < cutoffHz < sampleRate / 2`.
 *
 * @example
 * const highPass = butterworthSection('highpass', 20, 512); // scipy butter(2, 20, 'highpass', fs=512)
 */
export function butterworthSection(kind: 'lowpass' | 'highpass', cutoffHz: number, sampleRate: number): SecondOrderSections {
  assertNumber('sampleRate', sampleRate, Number.MIN_VALUE);
  assertNumber('cutoffHz', cutoffHz, Number.MIN_VALUE);
  if (cutoffHz >= sampleRate / 2) {
    invalidArgument('cutoffHz', `${cutoffHz} Hz must be below the Nyquist frequency ${sampleRate / 2} Hz`, { value: cutoffHz, sampleRate });
  }
  const k = Math.tan((Math.PI * cutoffHz) / sampleRate);
  const kk = k * k;
  const norm = 1 / (1 + Math.SQRT2 * k + kk);
  const a1 = 2 * (kk - 1) * norm;
  const a2 = (1 - Math.SQRT2 * k + kk) * norm;
  return kind === 'lowpass'
    ? Float64Array.of(kk * norm, 2 * kk * norm, kk * norm, a1, a2)
    : Float64Array.of(norm, -2 * norm, norm, a1, a2);
}

/**
 * A high-pass section at `lowHz` followed by a low-pass section at `highHz`; either edge may be
 * `null` (no section). Both `null` gives an empty cascade (identity).
 *
 * @throws SignalsError `SIGNAL_INVALID_ARGUMENT` naming `cutoffHz` for an edge at or above Nyquist,
 *   or `highHz` when it is not above `lowHz`.
 *
 * @example
 * const ecgBand = bandSections(0.5, 40, 512);
 */
export function bandSections(lowHz: number | null, highHz: number | null, sampleRate: number): SecondOrderSections {
  if (lowHz !== null && highHz !== null && highHz <= lowHz) {
    invalidArgument('highHz', `${highHz} Hz must be above lowHz ${lowHz} Hz`, { value: highHz, lowHz });
  }
  const sections: Float64Array[] = [];
  if (lowHz !== null) sections.push(butterworthSection('highpass', lowHz, sampleRate));
  if (highHz !== null) sections.push(butterworthSection('lowpass', highHz, sampleRate));
  const out = new Float64Array(sections.length * SECTION_LENGTH);
  sections.forEach((section, i) => out.set(section, i * SECTION_LENGTH));
  return out;
}
