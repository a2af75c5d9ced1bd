/**
 * @module Surface EMG of trapezius, corrugator and zygomaticus: band-limited Gaussian noise whose
 * RMS follows an activity envelope (rest level, spontaneous bursts, pain-related bursts that grow
 * more likely with intensity), plus sensor noise. Units: µV.
 */
import type { Rng } from './random.js';
import type { WindowContext } from './window-context.js';

/**
 * Renders the three EMG channels (µV) of one window, in order trapezius, corrugator, zygomaticus.
 *
 * @example
 * const [trapezius, corrugator, zygomaticus] = renderEmg(context, createRng(deriveSeed(seed, 5, subjectIndex, trial)));
 */
export function renderEmg(context: WindowContext, rng: Rng): [Float32Array, Float32Array, Float32Array] {
  return [renderMuscle(context, rng, 0), renderMuscle(context, rng, 1), renderMuscle(context, rng, 2)];
}

function renderMuscle(context: WindowContext, rng: Rng, muscle: 0 | 1 | 2): Float32Array {
  const { subject, model, sampleRate, length, stimuli } = context;
  const windowSeconds = length / sampleRate;
  const envelope = new Float64Array(length).fill(1);
  const addBurst = (start: number, duration: number, gain: number): void => {
    const first = Math.max(0, Math.ceil(start * sampleRate));
    const last = Math.min(length - 1, Math.floor((start + duration) * sampleRate));
    for (let k = first; k <= last; k++) {
      const s = Math.sin((Math.PI * (k / sampleRate - start)) / duration);
      envelope[k] += (gain - 1) * s * s;
    }
  };
  const restBursts = rng.poisson((model.emgRestBurstsPerMinute / 60) * (windowSeconds + model.emgBurstMaxSeconds));
  for (let i = 0; i < restBursts; i++) {
    addBurst(
      rng.uniform(-model.emgBurstMaxSeconds, windowSeconds),
      rng.uniform(model.emgBurstMinSeconds, model.emgBurstMaxSeconds),
      rng.uniform(model.emgBurstGainMin, model.emgBurstGainMax),
    );
  }
  for (const { onsetSeconds, stimulus } of stimuli) {
    const burst = stimulus.emgBursts[muscle];
    if (burst !== null) addBurst(onsetSeconds + burst.startSeconds, burst.durationSeconds, burst.gain);
  }

  const dt = 1 / sampleRate;
  const highPass = 1 / (1 + 2 * Math.PI * model.emgLowHz * dt);
  const lowPass = (2 * Math.PI * model.emgHighHz * dt) / (1 + 2 * Math.PI * model.emgHighHz * dt);
  const band = new Float64Array(length);
  let previousInput = 0;
  let high = 0;
  let low = 0;
  let energy = 0;
  for (let k = 0; k < length; k++) {
    const input = rng.normal();
    high = highPass * (high + input - previousInput);
    previousInput = input;
    low += lowPass * (high - low);
    band[k] = low;
    energy += low * low;
  }
  const unit = 1 / Math.sqrt(energy / length || 1);
  const rest = subject.emgRestRmsUv[muscle];
  const out = new Float32Array(length);
  for (let k = 0; k < length; k++) out[k] = rest * envelope[k] * band[k] * unit + rng.normal(0, model.emgNoiseUv);
  return out;
}
