/**
 * @module Synthetic windows of each fault raise exactly their flag; clean synthetic-cohort windows
 * (512 Hz and resampled to 4 Hz) raise none.
 */
import { describe, expect, it } from 'vitest';
import { resample } from '../preprocess/resample.js';
import { generateCohort } from '../synth/generate-cohort.js';
import { mulberry32 } from '../synth/random.js';
import { assessSignalQuality } from './assess-signal-quality.js';
import { signalQualityConfig } from './quality-config.js';

/** 5.5 s of plausible skin conductance: 4 µS, a slow drift, one SCR, sensor noise. */
function clean(rate: number, seed = 1): Float32Array {
  const rand = mulberry32(seed);
  return Float32Array.from({ length: Math.round(5.5 * rate) }, (_, i) => {
    const t = i / rate;
    const scr = t > 2 ? 0.6 * (Math.exp(-(t - 2) / 2) - Math.exp(-(t - 2) / 0.5)) : 0;
    return 4 + 0.05 * t + scr + 0.004 * (rand() - 0.5);
  });
}

const flagsOf = (x: ArrayLike<number>, rate: number): readonly string[] => assessSignalQuality(x, rate).flags;

describe('assessSignalQuality', () => {
  it('passes a clean window at 4, 32 and 512 Hz', () => {
    for (const rate of [4, 32, 512]) expect(assessSignalQuality(clean(rate), rate)).toMatchObject({ ok: true, flags: [] });
  });

  it('flags each fault with its own flag', () => {
    const rate = 32;
    const shift = (d: number) => clean(rate).map((v) => v + d);
    expect(flagsOf(shift(70), rate)).toEqual(['OUT_OF_RANGE']);
    expect(flagsOf(clean(rate).map((v, i) => (i === 40 ? 0.01 : v)), rate)).toEqual(['OUT_OF_RANGE', 'JUMP']);
    expect(flagsOf(shift(-4.1), rate)).toEqual(['OUT_OF_RANGE', 'NEGATIVE']);
    expect(flagsOf(new Float32Array(176).fill(4.2), rate)).toEqual(['FLAT']);
    expect(flagsOf(new Float32Array(176), rate)).toEqual(['OUT_OF_RANGE', 'FLAT']);
    expect(flagsOf(new Float32Array(22).fill(-400), 4)).toEqual(['OUT_OF_RANGE', 'NEGATIVE', 'FLAT']);
    expect(flagsOf(clean(rate).map((v) => Math.min(v, 4.3)), rate)).toEqual(['CLIPPED']);
    expect(flagsOf(clean(rate).map((v, i) => (i % 10 === 3 ? Number.NaN : v)), rate)).toEqual(['DROPOUT']);
    expect(flagsOf(clean(rate).map((v, i) => (i >= 100 ? v + 5 : v)), rate)).toEqual(['JUMP']);
  });

  it('tolerates what the thresholds allow: a few missing samples, a fast but plausible SCR', () => {
    const rate = 32;
    expect(flagsOf(clean(rate).map((v, i) => (i === 50 ? Number.NaN : v)), rate)).toEqual([]);
    expect(flagsOf(clean(rate).map((v, i) => v + (i >= 100 ? Math.min(2, (i - 100) / rate) : 0)), rate)).toEqual([]);
    const loose = signalQualityConfig({ maxDropoutFraction: 0.2 });
    expect(assessSignalQuality(clean(rate).map((v, i) => (i % 10 === 3 ? Number.NaN : v)), rate, loose).ok).toBe(true);
  });

  it('flags an all-missing window as DROPOUT only', () => {
    expect(flagsOf(new Float32Array(22).fill(Number.NaN), 4)).toEqual(['DROPOUT']);
  });

  it('raises no flag on the synthetic cohort at 512 Hz or resampled to 4 Hz', () => {
    const cohort = generateCohort({ subjects: 6, windowsPerClass: 4, seed: 5 });
    const flagged: string[] = [];
    for (const trial of cohort.trials) {
      const gsr = cohort.render(trial.index).channels.gsr;
      for (const [x, rate] of [[gsr, 512], [resample(gsr, 512, 4, { padType: 'edge' }), 4]] as const) {
        const q = assessSignalQuality(x, rate);
        if (!q.ok) flagged.push(`${trial.index}@${rate}: ${q.flags.join(',')}`);
      }
    }
    expect(cohort.trials.length).toBe(120);
    expect(flagged).toEqual([]);
  });
});
