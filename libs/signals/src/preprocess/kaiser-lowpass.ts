/**
 * @module Windowed-sinc low-pass FIR design with a Kaiser window, identical to
 * `scipy.signal.firwin(numtaps, cutoff, window=('kaiser', beta))` (pass-zero, scaled to unit DC
 * gain). Used by the polyphase resampler. Internal: not re-exported from the package barrel.
 */

/** Modified Bessel function of the first kind, order 0, by its power series (|x| ≲ 50). */
export function besselI0(x: number): number {
  const quarterSquare = (x * x) / 4;
  let term = 1;
  let sum = 1;
  for (let k = 1; k < 500; k++) {
    term *= quarterSquare / (k * k);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return sum;
}

/** Symmetric Kaiser window of `length` points (scipy `get_window(('kaiser', beta), n, fftbins=False)`). */
export function kaiserWindow(length: number, beta: number): Float64Array {
  const w = new Float64Array(length);
  if (length === 1) {
    w[0] = 1;
    return w;
  }
  const alpha = (length - 1) / 2;
  const denominator = besselI0(beta);
  for (let n = 0; n < length; n++) {
    const r = (n - alpha) / alpha;
    w[n] = besselI0(beta * Math.sqrt(Math.max(0, 1 - r * r))) / denominator;
  }
  return w;
}

/**
 * Linear-phase low-pass FIR of `numtaps` taps with cutoff `cutoff` relative to Nyquist (0 < cutoff
 * ≤ 1), Kaiser-windowed and normalised to unit gain at DC, like scipy's `firwin`.
 */
export function kaiserLowpass(numtaps: number, cutoff: number, beta: number): Float64Array {
  const h = kaiserWindow(numtaps, beta);
  const alpha = (numtaps - 1) / 2;
  let sum = 0;
  for (let n = 0; n < numtaps; n++) {
    const t = cutoff * (n - alpha);
    const sinc = t === 0 ? 1 : Math.sin(Math.PI * t) / (Math.PI * t);
    h[n] *= cutoff * sinc;
    sum += h[n];
  }
  for (let n = 0; n < numtaps; n++) h[n] /= sum;
  return h;
}
