/**
 * @module A plausible ECG: beats placed by integrating an instantaneous heart rate (resting rate,
 * respiratory sinus arrhythmia, a pain-evoked rise), each beat drawn as P-Q-R-S-T Gaussians in
 * beat phase (after McSharry et al. 2003), plus baseline wander and noise. Units: mV.
 */
import type { Rng } from './random.js';
import type { WindowContext } from './window-context.js';

/** The instantaneous heart rate is updated this often, Hz (it changes slowly). */
const HEART_RATE_UPDATE_HZ = 64;

/** P, Q, R, S, T: phase (rad, R at 0), width (rad) and height relative to R (McSharry et al. 2003). */
export const ECG_WAVES: ReadonlyArray<readonly [number, number, number]> = [
  [-Math.PI / 3, 0.25, 0.12],
  [-Math.PI / 12, 0.1, -0.1],
  [0, 0.1, 1],
  [Math.PI / 12, 0.1, -0.25],
  [Math.PI / 2, 0.4, 0.3],
];

/**
 * Renders the ECG channel (mV) of one window.
 *
 * @example
 * const ecg = renderEcg(context, createRng(deriveSeed(seed, 4, subjectIndex, trial)));
 */
export function renderEcg(context: WindowContext, rng: Rng): Float32Array {
  const { subject, model, sampleRate, length, stimuli } = context;
  const out = new Float32Array(length);
  const breathPhase = rng.uniform(0, 2 * Math.PI);
  const wanderPhase = rng.uniform(0, 2 * Math.PI);
  let beatPhase = rng.next();
  const peak = model.heartRatePeakSeconds;
  const rateStep = Math.max(1, Math.round(sampleRate / HEART_RATE_UPDATE_HZ));
  let heartRate = 0;
  for (let k = 0; k < length; k++) {
    const t = k / sampleRate;
    if (k % rateStep === 0) {
      heartRate = subject.heartRateBpm + subject.rsaBpm * Math.sin(2 * Math.PI * subject.breathHz * t + breathPhase);
      for (const { onsetSeconds, stimulus } of stimuli) {
        const s = (t - onsetSeconds) / peak;
        if (s > 0) heartRate += stimulus.heartRateRiseBpm * s * s * Math.exp(2 * (1 - s));
      }
    }
    beatPhase += heartRate / 60 / sampleRate;
    const theta = 2 * Math.PI * (beatPhase - Math.floor(beatPhase)) - Math.PI;
    let value = 0;
    for (const [at, width, height] of ECG_WAVES) {
      let d = theta - at;
      if (d > Math.PI) d -= 2 * Math.PI;
      else if (d < -Math.PI) d += 2 * Math.PI;
      if (d < 5 * width && d > -5 * width) value += height * Math.exp((-d * d) / (2 * width * width));
    }
    out[k] =
      subject.ecgRMv * value +
      model.ecgWanderMv * Math.sin(2 * Math.PI * subject.breathHz * t + wanderPhase) +
      rng.normal(0, model.ecgNoiseMv);
  }
  return out;
}
