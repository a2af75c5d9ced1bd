import { describe, expect, it } from 'vitest';
import { generateCohort } from '../synth/generate-cohort.js';
import { deriveSeed } from '../synth/random.js';
import { errorAt } from '../testing/error-at.js';
import { degradeToWearable } from './degrade-to-wearable.js';
import { DEFAULT_WEARABLE_CONFIG, type WearableConfig } from './wearable-config.js';

/** The default sensor without its random parts, to look at one stage at a time. */
const CLEAN: WearableConfig = { ...DEFAULT_WEARABLE_CONFIG, noiseUs: 0, motion: null, dropouts: null };

function tone(hz: number, amplitude = 1, level = 5, length = 2816, rate = 512): Float64Array {
  return Float64Array.from({ length }, (_, k) => level + amplitude * Math.sin((2 * Math.PI * hz * k) / rate));
}

/** 5.5 s at 32 Hz: the statistical tests degrade thousands of windows, cheaper from a low rate. */
const AT_32_HZ = tone(0.2, 1, 5, 176, 32);

function sd(values: ArrayLike<number>): number {
  let mean = 0;
  for (let i = 0; i < values.length; i++) mean += values[i] / values.length;
  let squares = 0;
  for (let i = 0; i < values.length; i++) squares += (values[i] - mean) ** 2;
  return Math.sqrt(squares / values.length);
}

describe('degradeToWearable', () => {
  it('gives ceil(n · 4 / 512) samples at the device rate: 22 for a 5.5-s BioVid window', () => {
    const out = degradeToWearable(tone(0.2), 512, DEFAULT_WEARABLE_CONFIG, 1);
    expect(out.sampleRate).toBe(4);
    expect(out.samples).toBeInstanceOf(Float32Array);
    expect(out.samples.length).toBe(22);
    expect(degradeToWearable(tone(0.2, 1, 5, 2800), 512, DEFAULT_WEARABLE_CONFIG, 1).samples.length).toBe(22);
    expect(degradeToWearable(tone(0.2), 512, { ...CLEAN, sampleRate: 8 }, 1).samples.length).toBe(44);
  });

  it('anti-aliases: a 3-Hz tone (above the 2-Hz Nyquist) is removed away from the window edges, a 0.5-Hz tone passes', () => {
    const resolutionFree = { ...CLEAN, resolutionUs: 0 };
    const above = degradeToWearable(tone(3), 512, resolutionFree, 1).samples;
    const below = degradeToWearable(tone(0.5), 512, resolutionFree, 1).samples;
    // Plain 4-Hz sampling would alias it to a full-amplitude 1-Hz tone.
    expect(Math.max(...above.slice(3, -3).map((v) => Math.abs(v - 5)))).toBeLessThan(0.01);
    expect(Math.max(...below.slice(2, -2).map((v) => Math.abs(v - 5)))).toBeGreaterThan(0.9);
  });

  it('quantises every sample to a whole multiple of the resolution, inside the range', () => {
    const cohort = generateCohort({ subjects: 1, windowsPerClass: 2, seed: 4 });
    for (let i = 0; i < cohort.trials.length; i++) {
      const { samples } = degradeToWearable(cohort.render(i).channels.gsr, 512, DEFAULT_WEARABLE_CONFIG, deriveSeed(9, i));
      for (const v of samples) {
        if (Number.isNaN(v)) continue;
        const steps = v / 0.0009;
        expect(Math.abs(steps - Math.round(steps))).toBeLessThan(1e-3);
      }
    }
    const clipped = degradeToWearable(tone(0.2, 60, 60), 512, CLEAN, 1).samples;
    expect(Math.max(...clipped)).toBeCloseTo(Math.floor(100 / 0.0009) * 0.0009, 4);
    expect(Math.max(...clipped)).toBeLessThanOrEqual(100);
    const floor = degradeToWearable(new Float64Array(2816), 512, CLEAN, 1).samples;
    expect(new Set(floor)).toEqual(new Set([Math.fround(12 * 0.0009)])); // 0.01 µS rounded up to a step
  });

  it('adds white measurement noise of the configured sd (over 22,000 samples, within 3%)', () => {
    const config = { ...CLEAN, resolutionUs: 0, noiseUs: 0.05 };
    const noise: number[] = [];
    for (let seed = 0; seed < 1000; seed++) {
      for (const v of degradeToWearable(new Float64Array(176).fill(5), 32, config, seed).samples) noise.push(v - 5);
    }
    expect(Math.abs(noise.reduce((a, b) => a + b, 0) / noise.length)).toBeLessThan(0.002);
    expect(sd(noise) / 0.05).toBeGreaterThan(0.97);
    expect(sd(noise) / 0.05).toBeLessThan(1.03);
  });

  it('drops the expected fraction of samples (rate × mean duration), capped per window', () => {
    const dropouts = { ratePerMinute: 6, minSeconds: 0.25, maxSeconds: 1.25, maxFraction: 1 };
    let missing = 0;
    let total = 0;
    for (let seed = 0; seed < 2000; seed++) {
      const { samples } = degradeToWearable(AT_32_HZ, 32, { ...CLEAN, dropouts }, seed);
      missing += samples.filter(Number.isNaN).length;
      total += samples.length;
    }
    const expected = (6 / 60) * 0.75; // 7.5% (a few points less from overlapping dropouts)
    expect(missing / total).toBeGreaterThan(0.9 * expected);
    expect(missing / total).toBeLessThan(1.05 * expected);
    for (let seed = 0; seed < 300; seed++) {
      const capped = degradeToWearable(AT_32_HZ, 32, { ...CLEAN, dropouts: { ...dropouts, ratePerMinute: 60, maxFraction: 0.15 } }, seed);
      expect(capped.samples.filter(Number.isNaN).length).toBeLessThanOrEqual(3); // floor(0.15 · 22)
    }
  });

  it('keeps the default dropouts below fill-missing’s 20% limit in every window', () => {
    for (let seed = 0; seed < 2000; seed++) {
      const { samples } = degradeToWearable(AT_32_HZ, 32, DEFAULT_WEARABLE_CONFIG, seed);
      expect(samples.filter(Number.isNaN).length / samples.length).toBeLessThanOrEqual(0.15);
    }
  });

  it('adds motion bursts: multiplicative changes of at most maxRelativeAmplitude each, at the configured rate', () => {
    const motion = { ratePerMinute: 6, minSeconds: 0.5, maxSeconds: 2, edgeSeconds: 0.1, maxRelativeAmplitude: 0.3 };
    let changed = 0;
    let largest = 0;
    const windows = 400;
    for (let seed = 0; seed < windows; seed++) {
      const { samples } = degradeToWearable(new Float64Array(2816).fill(5), 512, { ...CLEAN, resolutionUs: 0, motion }, seed);
      const deviation = Math.max(...samples.map((v) => Math.abs(v / 5 - 1)));
      largest = Math.max(largest, deviation);
      if (deviation > 0.01) changed++;
    }
    // Two overlapping bursts compound (1.3² − 1 = 0.69); the resampler may overshoot a little.
    expect(largest).toBeGreaterThan(0.2);
    expect(largest).toBeLessThan(0.69 * 1.1);
    // Bursts reaching the window: Poisson with mean 6/60 · (5.5 s + mean duration 1.25 s) = 0.675,
    // so about 1 − e^{−0.675} = 49% of windows (a few with a tiny amplitude do not show).
    expect(changed / windows).toBeGreaterThan(0.4);
    expect(changed / windows).toBeLessThan(0.55);
  });

  it('is deterministic by seed; different seeds differ; each stage has its own stream', () => {
    const x = tone(0.3, 0.5, 6);
    const config = { ...DEFAULT_WEARABLE_CONFIG, motion: { ...DEFAULT_WEARABLE_CONFIG.motion!, ratePerMinute: 20 }, dropouts: null };
    const a = degradeToWearable(x, 512, config, 42).samples;
    expect(degradeToWearable(x, 512, config, 42).samples).toEqual(a);
    expect(degradeToWearable(x, 512, config, 43).samples).not.toEqual(a);
    // Switching dropouts on only adds NaN: the noise and motion draws stay the same.
    const withDropouts = degradeToWearable(x, 512, { ...config, dropouts: { ...DEFAULT_WEARABLE_CONFIG.dropouts!, ratePerMinute: 30 } }, 42).samples;
    withDropouts.forEach((v, i) => (Number.isNaN(v) ? undefined : expect(v).toBe(a[i])));
    expect(withDropouts.some(Number.isNaN)).toBe(true);
  });

  it('refuses non-finite input, a bad rate and a bad seed', () => {
    expect(errorAt(() => degradeToWearable(Float64Array.of(1, Number.NaN), 512, CLEAN, 1))).toBe('SIGNAL_INVALID_ARGUMENT@gsr');
    expect(errorAt(() => degradeToWearable(tone(1), 0, CLEAN, 1))).toBe('SIGNAL_INVALID_ARGUMENT@sampleRate');
    expect(errorAt(() => degradeToWearable(tone(1), 512, CLEAN, -1))).toBe('SIGNAL_INVALID_ARGUMENT@seed');
  });
});
