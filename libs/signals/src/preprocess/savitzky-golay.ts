/**
 * @module Savitzky–Golay smoothing, numerically equal to `scipy.signal.savgol_filter(x, w, p)`
 * with its defaults (`deriv=0`, `mode='interp'`).
 *
 * The filter is a least-squares polynomial fit over a sliding window. Every output sample is the
 * fit's value at one point of a window, so all of them come from one orthonormal basis `Q` of the
 * degree-`p` polynomials sampled on the window (the "hat" projection `Q Qᵀ`):
 * - interior samples: the centre row of `Q Qᵀ` as a symmetric FIR (scipy's `savgol_coeffs`);
 * - the first and last `⌊w/2⌋` samples: scipy's `interp` mode fits one polynomial to the first
 *   (last) full window and evaluates it there, i.e. the matching rows of `Q Qᵀ`.
 * `Q` is built by a Stieltjes recurrence with re-orthogonalisation on abscissae scaled to
 * [-1, 1], which stays accurate far beyond where a Vandermonde solve loses digits.
 */
import { assertInteger, assertSignal, invalidArgument, type SignalLike } from './arguments.js';

interface SavitzkyGolayKernel {
  /** Orthonormal polynomial basis, row-major `windowLength × (polyOrder + 1)`. */
  readonly basis: Float64Array;
  /** Centre row of the projection: the convolution coefficients for interior samples. */
  readonly centre: Float64Array;
}

const KERNEL_CACHE_LIMIT = 64;
const kernelCache = new Map<string, SavitzkyGolayKernel>();

/**
 * Smooths `x` with a Savitzky–Golay filter; equal to `scipy.signal.savgol_filter(x, windowLength,
 * polyOrder)` (mode `'interp'`) to ~1e-12 relative. Computes in Float64; O(n·windowLength).
 *
 * @param x - the signal (must not contain NaN; fill missing values first).
 * @param windowLength - odd integer, 1 ≤ windowLength ≤ x.length.
 * @param polyOrder - integer, 0 ≤ polyOrder < windowLength.
 * @returns a new Float64Array of the same length.
 * @throws SignalsError `SIGNAL_INVALID_ARGUMENT` naming the bad argument.
 *
 * @example
 * const smooth = savitzkyGolay(gsr, 17, 2); // 0.5 s window at 32 Hz, quadratic fit
 */
export function savitzkyGolay(x: SignalLike, windowLength: number, polyOrder: number): Float64Array {
  assertSignal('x', x);
  const n = x.length;
  if (n === 0) invalidArgument('x', 'must not be empty');
  assertInteger('windowLength', windowLength, 1, n);
  if (windowLength % 2 === 0) invalidArgument('windowLength', `must be odd, got ${windowLength}`, { value: windowLength });
  assertInteger('polyOrder', polyOrder, 0, windowLength - 1);

  const { basis, centre } = kernel(windowLength, polyOrder);
  const half = (windowLength - 1) / 2;
  const y = new Float64Array(n);
  for (let i = half; i < n - half; i++) {
    let acc = 0;
    const start = i - half;
    for (let j = 0; j < windowLength; j++) acc += centre[j] * x[start + j];
    y[i] = acc;
  }
  fitEdge(x, 0, 0, half, windowLength, polyOrder + 1, basis, y);
  fitEdge(x, n - windowLength, half + 1, windowLength, windowLength, polyOrder + 1, basis, y);
  return y;
}

/** Fits the window starting at `offset` and writes its values at window rows `[from, to)`. */
function fitEdge(
  x: SignalLike,
  offset: number,
  from: number,
  to: number,
  windowLength: number,
  terms: number,
  basis: Float64Array,
  y: Float64Array,
): void {
  if (from >= to) return;
  const coefficients = new Float64Array(terms);
  for (let j = 0; j < windowLength; j++) {
    const value = x[offset + j];
    for (let k = 0; k < terms; k++) coefficients[k] += basis[j * terms + k] * value;
  }
  for (let row = from; row < to; row++) {
    let acc = 0;
    for (let k = 0; k < terms; k++) acc += basis[row * terms + k] * coefficients[k];
    y[offset + row] = acc;
  }
}

function kernel(windowLength: number, polyOrder: number): SavitzkyGolayKernel {
  const key = `${windowLength}:${polyOrder}`;
  const cached = kernelCache.get(key);
  if (cached !== undefined) return cached;
  const basis = orthonormalPolynomialBasis(windowLength, polyOrder + 1);
  const terms = polyOrder + 1;
  const half = (windowLength - 1) / 2;
  const centre = new Float64Array(windowLength);
  for (let j = 0; j < windowLength; j++) {
    let acc = 0;
    for (let k = 0; k < terms; k++) acc += basis[half * terms + k] * basis[j * terms + k];
    centre[j] = acc;
  }
  if (kernelCache.size >= KERNEL_CACHE_LIMIT) kernelCache.clear();
  const built = { basis, centre };
  kernelCache.set(key, built);
  return built;
}

/**
 * Orthonormal basis of polynomials of degree < `terms` sampled at `points` equally spaced
 * abscissae in [-1, 1]; row-major `points × terms`. Stieltjes recurrence (multiply the previous
 * basis vector by the abscissa) followed by two passes of Gram–Schmidt against all earlier vectors.
 */
function orthonormalPolynomialBasis(points: number, terms: number): Float64Array {
  const basis = new Float64Array(points * terms);
  const half = (points - 1) / 2;
  const abscissa = new Float64Array(points);
  for (let i = 0; i < points; i++) abscissa[i] = half === 0 ? 0 : (i - half) / half;
  const v = new Float64Array(points);
  for (let k = 0; k < terms; k++) {
    for (let i = 0; i < points; i++) v[i] = k === 0 ? 1 : abscissa[i] * basis[i * terms + k - 1];
    for (let pass = 0; pass < 2; pass++) {
      for (let j = 0; j < k; j++) {
        let dot = 0;
        for (let i = 0; i < points; i++) dot += basis[i * terms + j] * v[i];
        for (let i = 0; i < points; i++) v[i] -= dot * basis[i * terms + j];
      }
    }
    let norm = 0;
    for (let i = 0; i < points; i++) norm += v[i] * v[i];
    norm = Math.sqrt(norm);
    for (let i = 0; i < points; i++) basis[i * terms + k] = v[i] / norm;
  }
  return basis;
}
