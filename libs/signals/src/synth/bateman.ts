/**
 * @module The Bateman function, the bi-exponential shape of a skin-conductance response
 * (Benedek & Kaernbach 2010): `exp(−t/τ2) − exp(−t/τ1)` for t > 0, scaled here to peak at 1.
 */

/**
 * Time (s after onset) and height of the peak of `exp(−t/τ2) − exp(−t/τ1)`, τ2 > τ1 > 0.
 *
 * @example
 * batemanPeak(0.5, 3); // { peakSeconds: 1.075…, peakValue: 0.5…}
 */
export function batemanPeak(riseTau: number, decayTau: number): { peakSeconds: number; peakValue: number } {
  const peakSeconds = (Math.log(decayTau / riseTau) * riseTau * decayTau) / (decayTau - riseTau);
  return { peakSeconds, peakValue: Math.exp(-peakSeconds / decayTau) - Math.exp(-peakSeconds / riseTau) };
}

/**
 * Adds one SCR of peak `amplitude` starting at `onsetSeconds` (relative to sample 0) to `out`.
 *
 * @example
 * const gsr = new Float64Array(2816);
 * addBateman(gsr, 512, 1.5, 0.4, 0.5, 3); // a 0.4 µS response starting 1.5 s into the window
 */
export function addBateman(
  out: Float64Array,
  sampleRate: number,
  onsetSeconds: number,
  amplitude: number,
  riseTau: number,
  decayTau: number,
): void {
  const scale = amplitude / batemanPeak(riseTau, decayTau).peakValue;
  const first = Math.max(0, Math.floor(onsetSeconds * sampleRate) + 1);
  if (first >= out.length) return;
  const s0 = first / sampleRate - onsetSeconds;
  const decayStep = Math.exp(-1 / (sampleRate * decayTau));
  const riseStep = Math.exp(-1 / (sampleRate * riseTau));
  let decay = scale * Math.exp(-s0 / decayTau);
  let rise = scale * Math.exp(-s0 / riseTau);
  for (let k = first; k < out.length; k++) {
    out[k] += decay - rise;
    decay *= decayStep;
    rise *= riseStep;
  }
}
