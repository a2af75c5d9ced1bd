/**
 * @module Zero-phase filtering with a cascade of second-order sections, equal to
 * `scipy.signal.sosfiltfilt(sos, x)` with its defaults: the signal is extended at both ends by
 * odd reflection (`3·(2·sections + 1)` samples), filtered forward from the steady state of its
 * first sample (`sosfilt_zi`), then backward likewise, and the extension is cut off. No delay,
 * squared magnitude response, and no start-up transient on a signal with an offset.
 */
import { assertFiniteSignal, assertSignal, invalidArgument, type SignalLike } from '../preprocess/arguments.js';
import { SECTION_LENGTH, type SecondOrderSections } from './butterworth.js';

/**
 * Filters `x` forward and backward with `sections` (see {@link SecondOrderSections}).
 *
 * @param x - finite samples, longer than the padding `3·(2·sections + 1)` (or any length for an
 *   empty cascade, which returns a copy).
 * @returns a new Float64Array of the same length.
 * @throws SignalsError `SIGNAL_INVALID_ARGUMENT` naming `x` (not finite, or too short) or `sections`.
 *
 * @example
 * const clean = sosFiltfilt(bandSections(0.5, 40, 512), ecg);
 */
export function sosFiltfilt(sections: SecondOrderSections, x: SignalLike): Float64Array {
  assertSignal('x', x);
  assertFiniteSignal('x', x);
  if (sections.length % SECTION_LENGTH !== 0) invalidArgument('sections', `length ${sections.length} is not a multiple of ${SECTION_LENGTH}`);
  const count = sections.length / SECTION_LENGTH;
  const n = x.length;
  if (count === 0) return Float64Array.from(x);
  let trailingZeroB = 0;
  let trailingZeroA = 0;
  for (let s = 0; s < count; s++) {
    if (sections[s * SECTION_LENGTH + 2] === 0) trailingZeroB++;
    if (sections[s * SECTION_LENGTH + 4] === 0) trailingZeroA++;
  }
  const pad = 3 * (2 * count + 1 - Math.min(trailingZeroB, trailingZeroA));
  if (n <= pad) invalidArgument('x', `needs more than ${pad} samples for this filter, got ${n}`, { length: n, pad });

  const ext = new Float64Array(n + 2 * pad);
  for (let i = 0; i < pad; i++) ext[i] = 2 * x[0] - x[pad - i];
  for (let i = 0; i < n; i++) ext[pad + i] = x[i];
  for (let i = 0; i < pad; i++) ext[pad + n + i] = 2 * x[n - 1] - x[n - 2 - i];

  const steady = steadyState(sections, count);
  filterInPlace(sections, count, steady, ext);
  ext.reverse();
  filterInPlace(sections, count, steady, ext);
  ext.reverse();
  return ext.slice(pad, pad + n);
}

/** Per-section state after a unit step has passed for ever (scipy `sosfilt_zi`), two per section. */
function steadyState(sections: SecondOrderSections, count: number): Float64Array {
  const zi = new Float64Array(2 * count);
  let scale = 1;
  for (let s = 0; s < count; s++) {
    const [b0, b1, b2, a1, a2] = sections.subarray(s * SECTION_LENGTH, (s + 1) * SECTION_LENGTH);
    const gain = (b0 + b1 + b2) / (1 + a1 + a2);
    const z2 = b2 - a2 * gain;
    zi[2 * s] = scale * (b1 - a1 * gain + z2);
    zi[2 * s + 1] = scale * z2;
    scale *= gain;
  }
  return zi;
}

/** Transposed direct form II, every section in turn, starting from `steady · y[0]`. */
function filterInPlace(sections: SecondOrderSections, count: number, steady: Float64Array, y: Float64Array): void {
  const first = y[0];
  for (let s = 0; s < count; s++) {
    const o = s * SECTION_LENGTH;
    const b0 = sections[o];
    const b1 = sections[o + 1];
    const b2 = sections[o + 2];
    const a1 = sections[o + 3];
    const a2 = sections[o + 4];
    let z1 = steady[2 * s] * first;
    let z2 = steady[2 * s + 1] * first;
    for (let i = 0; i < y.length; i++) {
      const input = y[i];
      const output = b0 * input + z1;
      z1 = b1 * input - a1 * output + z2;
      z2 = b2 * input - a2 * output;
      y[i] = output;
    }
  }
}
