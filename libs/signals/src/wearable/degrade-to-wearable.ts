/**
 * @module Lab skin conductance → what a wrist sensor records: motion-artefact bursts on the
 * physical signal, the device's anti-aliased sampling, measurement noise, its range and resolution,
 * then dropouts. Seeded: one seed per window gives the same degradation every run, whichever
 * windows are degraded before it.
 */
import { assertFiniteSignal, assertNumber, assertSignal, type SignalLike } from '../preprocess/arguments.js';
import { resample } from '../preprocess/resample.js';
import { createRng, deriveSeed, type Rng } from '../synth/random.js';
import type { WearableConfig, WearableDropoutConfig, WearableMotionConfig } from './wearable-config.js';

/** Independent random streams per stage, so switching one stage off leaves the others unchanged. */
const STREAM = { motion: 1, noise: 2, dropouts: 3 } as const;

/** A degraded window: the samples at the device rate. */
export interface WearableSignal {
  readonly samples: Float32Array;
  readonly sampleRate: number;
}

/**
 * Degrades one window of lab GSR (µS) recorded at `sampleRate`:
 *
 * 1. **motion bursts** (`config.motion`) at the lab rate: Poisson events, each multiplying the
 *    signal by `1 + a` over its duration with raised-cosine edges (a change of electrode contact
 *    scales the conductance);
 * 2. **device rate**: the anti-aliasing polyphase resampler to `config.sampleRate` (edge padding);
 * 3. **noise**: white Gaussian, sd `config.noiseUs`;
 * 4. **range and resolution**: clipped to `config.rangeUs`, rounded to whole multiples of
 *    `config.resolutionUs` (the range ends are moved inward to such multiples);
 * 5. **dropouts** (`config.dropouts`): Poisson NaN runs at the device rate, at most
 *    `maxFraction` of the window in total.
 *
 * @param gsr - finite samples (fill missing values first).
 * @param seed - 32-bit seed of this window, e.g. `deriveSeed(seed, subjectIndex, trial)`.
 * @returns the device-rate samples (`ceil(n · deviceRate / sampleRate)` of them) and the device rate.
 * @throws SignalsError `SIGNAL_INVALID_ARGUMENT` naming `gsr`, `sampleRate` or `seed`.
 *
 * @example
 * const { samples, sampleRate } = degradeToWearable(recording.channels.gsr, 512, DEFAULT_WEARABLE_CONFIG, deriveSeed(1, 3, 17));
 * // 22 samples at 4 Hz, multiples of 0.0009 µS, NaN where a dropout hit
 */
export function degradeToWearable(gsr: SignalLike, sampleRate: number, config: WearableConfig, seed: number): WearableSignal {
  assertSignal('gsr', gsr);
  assertNumber('sampleRate', sampleRate, Number.MIN_VALUE);
  assertNumber('seed', seed, 0, 0xffffffff);
  assertFiniteSignal('gsr', gsr);
  const seconds = gsr.length / sampleRate;
  const lab = Float64Array.from(gsr);
  if (config.motion !== null) addMotion(lab, sampleRate, config.motion, createRng(deriveSeed(seed, STREAM.motion)));
  const device = resample(lab, sampleRate, config.sampleRate, { padType: 'edge' });

  const noise = createRng(deriveSeed(seed, STREAM.noise));
  const step = config.resolutionUs;
  const low = step > 0 ? Math.ceil(config.rangeUs.min / step) * step : config.rangeUs.min;
  const high = step > 0 ? Math.floor(config.rangeUs.max / step) * step : config.rangeUs.max;
  const samples = new Float32Array(device.length);
  for (let i = 0; i < device.length; i++) {
    const measured = Math.min(high, Math.max(low, device[i] + noise.normal(0, config.noiseUs)));
    samples[i] = step > 0 ? Math.round(measured / step) * step : measured;
  }
  if (config.dropouts !== null) addDropouts(samples, config.sampleRate, seconds, config.dropouts, createRng(deriveSeed(seed, STREAM.dropouts)));
  return { samples, sampleRate: config.sampleRate };
}

/** Bursts may start before the window (their tail reaching in), so onsets are drawn over [−max, end). */
function addMotion(x: Float64Array, sampleRate: number, motion: WearableMotionConfig, rng: Rng): void {
  const seconds = x.length / sampleRate;
  const count = rng.poisson((motion.ratePerMinute / 60) * (seconds + motion.maxSeconds));
  for (let b = 0; b < count; b++) {
    const start = rng.uniform(-motion.maxSeconds, seconds);
    const duration = rng.uniform(motion.minSeconds, motion.maxSeconds);
    const amplitude = rng.uniform(-motion.maxRelativeAmplitude, motion.maxRelativeAmplitude);
    const edge = Math.min(motion.edgeSeconds, duration / 2);
    const first = Math.max(0, Math.ceil(start * sampleRate));
    const last = Math.min(x.length - 1, Math.floor((start + duration) * sampleRate));
    for (let k = first; k <= last; k++) {
      const t = k / sampleRate - start;
      const rise = edge > 0 ? Math.min(1, t / edge, (duration - t) / edge) : 1;
      x[k] *= 1 + amplitude * (rise >= 1 ? 1 : 0.5 - 0.5 * Math.cos(Math.PI * Math.max(0, rise)));
    }
  }
}

/**
 * Sample k is lost when `start ≤ k / rate < start + duration`, so the expected lost fraction is
 * `ratePerMinute / 60 · mean duration` (before overlaps and the cap).
 */
function addDropouts(y: Float32Array, sampleRate: number, seconds: number, dropouts: WearableDropoutConfig, rng: Rng): void {
  const count = rng.poisson((dropouts.ratePerMinute / 60) * (seconds + dropouts.maxSeconds));
  let budget = Math.floor(dropouts.maxFraction * y.length);
  for (let d = 0; d < count; d++) {
    const start = rng.uniform(-dropouts.maxSeconds, seconds);
    const duration = rng.uniform(dropouts.minSeconds, dropouts.maxSeconds);
    const first = Math.max(0, Math.ceil(start * sampleRate));
    const end = Math.min(y.length, Math.ceil((start + duration) * sampleRate));
    for (let k = first; k < end && budget > 0; k++) {
      if (Number.isNaN(y[k])) continue;
      y[k] = Number.NaN;
      budget--;
    }
  }
}
