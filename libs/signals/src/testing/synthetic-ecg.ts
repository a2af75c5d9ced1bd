/**
 * @module Test support: an ECG with known R-peak times — each beat drawn as the P-Q-R-S-T
 * Gaussians of the cohort's ECG model, scaled to its local R–R interval, the R wave centred
 * exactly on the beat time — plus optional baseline wander and noise.
 */
import { createRng } from '../synth/random.js';
import { ECG_WAVES } from '../synth/ecg-model.js';

/** Options of {@link syntheticEcg}. */
export interface SyntheticEcgOptions {
  readonly sampleRate: number;
  readonly length: number;
  /** R-peak times, s, ascending (at least two). */
  readonly beatTimes: readonly number[];
  /** R amplitude, mV; negative for an inverted lead. Default 1. */
  readonly rMv?: number;
  /** Baseline wander amplitude (mV) and frequency (Hz). Default none. */
  readonly wanderMv?: number;
  readonly wanderHz?: number;
  /** White noise sd, mV. Default 0. */
  readonly noiseMv?: number;
  readonly seed?: number;
}

/**
 * Renders the ECG.
 *
 * @example
 * const ecg = syntheticEcg({ sampleRate: 512, length: 2816, beatTimes: beatsAt(72, 0.3, 5.5) });
 */
export function syntheticEcg(options: SyntheticEcgOptions): Float64Array {
  const { sampleRate, length, beatTimes, rMv = 1, wanderMv = 0, wanderHz = 0.3, noiseMv = 0, seed = 1 } = options;
  const rng = createRng(seed);
  const x = new Float64Array(length);
  beatTimes.forEach((beat, i) => {
    const rr = i === 0 ? beatTimes[1] - beat : beat - beatTimes[i - 1];
    for (const [phase, width, height] of ECG_WAVES) {
      const centre = beat + (phase / (2 * Math.PI)) * rr;
      const sd = (width / (2 * Math.PI)) * rr;
      const first = Math.max(0, Math.floor((centre - 6 * sd) * sampleRate));
      const last = Math.min(length - 1, Math.ceil((centre + 6 * sd) * sampleRate));
      for (let k = first; k <= last; k++) x[k] += rMv * height * Math.exp(-0.5 * ((k / sampleRate - centre) / sd) ** 2);
    }
  });
  for (let k = 0; k < length; k++) x[k] += wanderMv * Math.sin(2 * Math.PI * wanderHz * (k / sampleRate)) + rng.normal(0, noiseMv);
  return x;
}

/**
 * Beat times from an instantaneous heart rate `bpm(t)`: the first beat at `first` s, each next one
 * where the integrated rate has completed another cycle (1-ms steps), up to `seconds`.
 *
 * @example
 * beatsAt(() => 60, 0.5, 3); // [0.5, 1.5, 2.5]
 */
export function beatsAt(bpm: (t: number) => number, first: number, seconds: number): number[] {
  const beats = [first];
  let phase = 0;
  const dt = 1e-3;
  for (let t = first; t < seconds; t += dt) {
    const next = phase + (bpm(t + dt / 2) / 60) * dt;
    if (next >= 1) {
      beats.push(t + ((1 - phase) / (next - phase)) * dt);
      phase = next - 1;
    } else {
      phase = next;
    }
  }
  return beats.filter((t) => t < seconds);
}
