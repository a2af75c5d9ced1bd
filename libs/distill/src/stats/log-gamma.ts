/** @module ln Γ(x) for x > 0 by the Lanczos approximation (g = 7, 9 terms; ~2e−15 relative). */

const G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/**
 * Natural logarithm of the gamma function for x > 0 (Lanczos 1964, Godfrey's coefficients);
 * matches `scipy.special.gammaln` to ~2e−15 relative to max(1, |ln Γ(x)|).
 *
 * @example
 * logGamma(0.5); // 0.5723649429247001 = ln √π
 */
export function logGamma(x: number): number {
  const z = x - 1;
  let series = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) series += LANCZOS[i] / (z + i);
  const t = z + G + 0.5;
  return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(series);
}
