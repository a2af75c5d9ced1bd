/**
 * @module Skin conductance of one window: tonic level with session drift and a within-window
 * slope, evoked SCRs of the stimuli in view, spontaneous SCRs, sensor noise and quantisation.
 */
import { addBateman } from './bateman.js';
import type { Rng } from './random.js';
import type { WindowContext } from './window-context.js';

/** How long before the window spontaneous SCRs are simulated (their tails reach in), s. */
const SPONTANEOUS_HISTORY_SECONDS = 30;
/** Spontaneous SCRs stay more frequent this long after a plateau ends, s. */
const AROUSAL_AFTERGLOW_SECONDS = 3;

/**
 * Renders the skin-conductance channel (µS) of one window.
 *
 * @example
 * const gsr = renderGsr(context, createRng(deriveSeed(seed, 3, subjectIndex, trial)));
 */
export function renderGsr(context: WindowContext, rng: Rng): Float32Array {
  const { subject, model, sampleRate, length, stimuli } = context;
  const windowSeconds = length / sampleRate;
  const values = new Float64Array(length);
  const tonic = subject.tonicUs * Math.exp(subject.sessionDriftLog * context.sessionFraction);
  const slope = rng.normal(subject.slopeUsPerSecond, model.slopeWindowSdUsPerSecond);
  for (let k = 0; k < length; k++) values[k] = tonic + slope * (k / sampleRate);

  for (const { onsetSeconds, stimulus } of stimuli) {
    if (stimulus.evoked !== null) {
      addBateman(
        values,
        sampleRate,
        onsetSeconds + stimulus.evoked.latencySeconds,
        stimulus.evoked.amplitudeUs,
        subject.riseTauSeconds,
        subject.decayTauSeconds,
      );
    }
  }

  const rateAt = (t: number): number => {
    let factor = 1;
    for (const { onsetSeconds, stimulus } of stimuli) {
      if (t >= onsetSeconds && t <= onsetSeconds + model.plateauSeconds + AROUSAL_AFTERGLOW_SECONDS) {
        factor = Math.max(factor, 1 + model.nsScrArousalGain * stimulus.intensity);
      }
    }
    return subject.nsScrRatePerSecond * factor;
  };
  const maxRate = subject.nsScrRatePerSecond * (1 + model.nsScrArousalGain);
  const span = SPONTANEOUS_HISTORY_SECONDS + windowSeconds;
  const candidates = rng.poisson(maxRate * span);
  for (let i = 0; i < candidates; i++) {
    const t = -SPONTANEOUS_HISTORY_SECONDS + rng.next() * span;
    const amplitude = subject.nsScrAmplitudeUs * rng.logNormal(1, model.nsScrAmplitudeSigmaLog);
    if (rng.next() * maxRate < rateAt(t)) {
      addBateman(values, sampleRate, t, amplitude, subject.riseTauSeconds, subject.decayTauSeconds);
    }
  }

  const out = new Float32Array(length);
  const quantum = model.gsrQuantumUs;
  for (let k = 0; k < length; k++) {
    const noisy = values[k] + rng.normal(0, model.gsrNoiseUs);
    out[k] = Math.max(0, quantum > 0 ? Math.round(noisy / quantum) * quantum : noisy);
  }
  return out;
}
