import { describe, expect, it } from 'vitest';
import { generateCohort } from '../synth/generate-cohort.js';
import { errorAt } from '../testing/error-at.js';
import { beatsAt, syntheticEcg, type SyntheticEcgOptions } from '../testing/synthetic-ecg.js';
import { heartRateTrace } from './heart-rate-trace.js';
import { detectRPeaks } from './r-peaks.js';

const RATE = 512;
const LENGTH = 2816; // 5.5 s
/** Resting rate with respiratory sinus arrhythmia and a pain-like rise of 8 bpm peaking at 4 s. */
const varying = (t: number): number => 70 + 4 * Math.sin(2 * Math.PI * 0.25 * t) + 8 * (t / 4) ** 2 * Math.exp(2 * (1 - t / 4));

/** Largest |detected − true| in ms, after checking that every beat was found once. */
function worstErrorMs(detected: Float64Array, truth: readonly number[]): number {
  expect(detected.length).toBe(truth.length);
  return Math.max(...truth.map((t, i) => Math.abs(detected[i] - t) * 1000));
}

/** Largest |HR from detected beats − HR from true beats| on a 32-Hz grid, bpm. */
function worstRateErrorBpm(detected: Float64Array, truth: readonly number[]): number {
  const grid = { sampleRate: 32, length: 176, minBpm: 30, maxBpm: 220 };
  const a = heartRateTrace(detected, grid);
  const b = heartRateTrace(truth, grid);
  return Math.max(...a.map((v, i) => Math.abs(v - b[i])));
}

function check(options: Omit<SyntheticEcgOptions, 'beatTimes' | 'length' | 'sampleRate'>, bpm: (t: number) => number, sampleRate = RATE): void {
  const truth = beatsAt(bpm, 0.35, 5.4);
  const ecg = syntheticEcg({ sampleRate, length: Math.round(5.5 * sampleRate), beatTimes: truth, ...options });
  const detected = detectRPeaks(ecg, sampleRate);
  expect(worstErrorMs(detected, truth)).toBeLessThan(3);
  expect(worstRateErrorBpm(detected, truth)).toBeLessThan(1);
}

describe('detectRPeaks', () => {
  it('finds every beat of a clean ECG within 3 ms, and the heart rate within 1 bpm', () => {
    check({}, () => 72);
    check({}, varying);
  });

  it('is not thrown by baseline wander and noise', () => {
    check({ wanderMv: 0.8, wanderHz: 0.3, noiseMv: 0.05, seed: 3 }, varying);
    check({ wanderMv: 0.3, wanderHz: 0.6, noiseMv: 0.1, seed: 4 }, () => 64);
  });

  it('works on an inverted lead (R wave negative)', () => {
    check({ rMv: -1, noiseMv: 0.03, wanderMv: 0.2 }, varying);
  });

  it('follows slow and fast hearts, and works at 200 Hz', () => {
    check({ noiseMv: 0.02 }, () => 45);
    check({ noiseMv: 0.02 }, () => 160);
    check({ noiseMv: 0.02 }, varying, 200);
  });

  it('recovers the rate of the synthetic cohort (resting rate ± sinus arrhythmia and pain rise)', () => {
    const cohort = generateCohort({ subjects: 4, windowsPerClass: 2, seed: 11 });
    for (let i = 0; i < cohort.trials.length; i++) {
      const recording = cohort.render(i);
      const subject = cohort.subjects[recording.subjectIndex];
      const beats = detectRPeaks(recording.channels.ecg, recording.sampleRate);
      const rate = heartRateTrace(beats, { sampleRate: 32, length: 176, minBpm: 30, maxBpm: 220 });
      const mean = rate.reduce((a, b) => a + b, 0) / rate.length;
      expect(mean).toBeGreaterThan(subject.heartRateBpm - subject.rsaBpm - 1);
      // A stimulus raises the rate by up to about twice the subject's gain (log-normal trial spread).
      expect(mean).toBeLessThan(subject.heartRateBpm + subject.rsaBpm + 2 * subject.heartRatePainGainBpm + 1);
      const expectedBeats = (5.5 * mean) / 60;
      expect(Math.abs(beats.length - expectedBeats)).toBeLessThanOrEqual(1.5);
    }
  });

  it('drops or places correctly a beat cut by the window edge, never elsewhere', () => {
    for (const first of [0.005, 0.02, 0.04, 0.07]) {
      const truth = beatsAt(() => 75, first, 5.5);
      const ecg = syntheticEcg({ sampleRate: RATE, length: LENGTH, beatTimes: truth, noiseMv: 0.02, wanderMv: 0.2 });
      const detected = detectRPeaks(ecg, RATE);
      expect(detected.length).toBeGreaterThanOrEqual(truth.length - 2);
      detected.forEach((t, i) => {
        if (i > 0) expect(t).toBeGreaterThan(detected[i - 1]);
        expect(Math.min(...truth.map((b) => Math.abs(b - t)))).toBeLessThan(0.003);
      });
    }
  });

  it('finds nothing in a flat signal', () => {
    expect(detectRPeaks(new Float64Array(LENGTH).fill(0.3), RATE).length).toBe(0);
  });

  it('refuses a rate below 100 Hz and non-finite samples', () => {
    expect(errorAt(() => detectRPeaks(new Float64Array(400), 64))).toBe('SIGNAL_INVALID_ARGUMENT@sampleRate');
    const ecg = new Float64Array(LENGTH);
    ecg[5] = Number.NaN;
    expect(errorAt(() => detectRPeaks(ecg, RATE))).toBe('SIGNAL_INVALID_ARGUMENT@ecg');
  });
});
