/**
 * @module Upper tail of the standard normal distribution, for the Wilcoxon normal approximation:
 * erfc through the incomplete gamma function Q(1/2, x²), series below x² = 1.5, continued fraction
 * above, so far tails keep full relative accuracy.
 */
import { continuedFraction } from './continued-fraction.js';

const SQRT_PI = Math.sqrt(Math.PI);

/**
 * P(Z > z) for a standard normal Z; matches `scipy.stats.norm.sf` to ~1e−14 relative.
 *
 * @example
 * normalSf(1.959963984540054); // 0.025000000000000043
 */
export function normalSf(z: number): number {
  if (Number.isNaN(z)) return z;
  const half = 0.5 * erfcOfSquare(0.5 * z * z);
  return z >= 0 ? half : 1 - half;
}

/** erfc(√s) for s = x² ≥ 0, i.e. Q(1/2, s). */
function erfcOfSquare(s: number): number {
  if (s === Infinity) return 0;
  const front = Math.exp(-s) * Math.sqrt(s) / SQRT_PI; // e^{−s} s^{1/2} / Γ(1/2)
  if (s < 1.5) return 1 - erfSeries(s, front);
  // Q(a, s) = front · 1/(s + 1 − a − 1·(1 − a)/(s + 3 − a − …)), a = 1/2 (Numerical Recipes gcf).
  return front * continuedFraction(0, (i) => [i === 1 ? 1 : -(i - 1) * (i - 1.5), s + 2 * i - 1.5]);
}

/** P(1/2, s) = erf(√s) by its power series: front · Σ sⁿ / ((1/2)(3/2)…(n + 1/2)). */
function erfSeries(s: number, front: number): number {
  let term = 2;
  let sum = term;
  for (let n = 1; n < 200 && term > sum * 1e-17; n++) {
    term *= s / (n + 0.5);
    sum += term;
  }
  return front * sum;
}
