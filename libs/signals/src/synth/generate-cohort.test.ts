import { describe, expect, it } from 'vitest';
import { SignalsError } from '../errors.js';
import { batemanPeak } from './bateman.js';
import { generateCohort, resolveCohortConfig } from './generate-cohort.js';

describe('generateCohort', () => {
  const cohort = generateCohort({ subjects: 4, windowsPerClass: 5, seed: 11 });
  const recordings = [...cohort];

  it('has every class windowsPerClass times per subject, in scan order, with unique trial numbers', () => {
    expect(recordings).toHaveLength(4 * 5 * 5);
    for (const subject of cohort.subjects) {
      const own = recordings.filter((r) => r.subject === subject.id);
      expect(own.map((r) => r.classIndex).sort()).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4]);
      expect(new Set(own.map((r) => r.trial)).size).toBe(25);
      expect(Math.max(...own.map((r) => r.trial))).toBe(25);
    }
    const keys = recordings.map((r) => [r.subject, r.classIndex, r.trial] as const);
    const sorted = [...keys].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1] || a[2] - b[2]));
    expect(keys).toEqual(sorted);
  });

  it('is deterministic by seed, render order does not matter, and another seed differs', () => {
    const again = generateCohort({ subjects: 4, windowsPerClass: 5, seed: 11 });
    expect(again.render(17).channels.gsr).toEqual(recordings[17].channels.gsr);
    expect(again.render(3).channels.ecg).toEqual(recordings[3].channels.ecg);
    expect(again.render(3).channels.emg_corrugator).toEqual(recordings[3].channels.emg_corrugator);
    const other = generateCohort({ subjects: 4, windowsPerClass: 5, seed: 12 });
    expect(other.render(17).channels.gsr).not.toEqual(recordings[17].channels.gsr);
  });

  it('writes 5.5 s windows at 512 Hz with integer microsecond time stamps', () => {
    const r = recordings[0];
    expect(r.sampleRate).toBe(512);
    expect(r.timeUs.length).toBe(2816);
    expect(r.timeUs[1]).toBe(1953);
    expect(r.timeUs[2815]).toBe(5498047);
    for (const values of Object.values(r.channels)) expect(values.length).toBe(2816);
  });

  it('keeps skin conductance in the physiological µS range and quantised', () => {
    for (const s of cohort.subjects) {
      expect(s.tonicUs).toBeGreaterThanOrEqual(2);
      expect(s.tonicUs).toBeLessThanOrEqual(20);
    }
    for (const r of recordings) {
      let min = Infinity;
      let max = -Infinity;
      for (const v of r.channels.gsr) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
      expect(min).toBeGreaterThan(1);
      expect(max).toBeLessThan(25);
      expect(Math.abs(r.channels.gsr[100] * 1000 - Math.round(r.channels.gsr[100] * 1000))).toBeLessThan(1e-3);
    }
  });

  it('starts evoked SCRs 1–3 s after stimulus onset and shows them in the signal', () => {
    const onset = cohort.config.stimulusOnsetSeconds;
    const evoked = recordings.filter((r) => r.evoked !== null);
    expect(evoked.length).toBeGreaterThan(10);
    expect(recordings.filter((r) => r.classIndex === 0).every((r) => r.evoked === null)).toBe(true);
    for (const r of evoked) {
      const latency = (r.evoked?.onsetSeconds ?? 0) - onset;
      expect(latency).toBeGreaterThanOrEqual(1);
      expect(latency).toBeLessThanOrEqual(3);
    }
    const big = evoked.filter((r) => (r.evoked?.amplitudeUs ?? 0) > 0.3);
    expect(big.length).toBeGreaterThan(0);
    for (const r of big) {
      const subject = cohort.subjects[r.subjectIndex];
      const start = Math.max(0, Math.round((r.evoked?.onsetSeconds ?? 0) * 512));
      const peakAt = start + Math.round(batemanPeak(subject.riseTauSeconds, subject.decayTauSeconds).peakSeconds * 512);
      expect(r.channels.gsr[Math.min(peakAt, 2815)] - r.channels.gsr[start]).toBeGreaterThan(0.1);
    }
  });

  it('grows the mean response, heart rate and corrugator activity with pain level', () => {
    const big = generateCohort({ subjects: 12, windowsPerClass: 6, seed: 5 });
    const response = [0, 0, 0, 0, 0];
    const beats = [0, 0, 0, 0, 0];
    const corrugator = [0, 0, 0, 0, 0];
    for (const r of big) {
      const g = r.channels.gsr;
      let max = -Infinity;
      for (const v of g) max = Math.max(max, v);
      response[r.classIndex] += max - g[0];
      beats[r.classIndex] += countRPeaks(r.channels.ecg);
      let energy = 0;
      for (const v of r.channels.emg_corrugator) energy += v * v;
      corrugator[r.classIndex] += energy;
    }
    expect(response[4]).toBeGreaterThan(2 * response[0]);
    expect(response[4]).toBeGreaterThan(response[2]);
    expect(beats[4]).toBeGreaterThan(beats[0]);
    expect(corrugator[4]).toBeGreaterThan(corrugator[0]);
  });

  it('makes about a tenth of subjects non-responders and varies tonic level widely', () => {
    const many = generateCohort({ subjects: 400, windowsPerClass: 1, seed: 9 });
    const nonResponders = many.subjects.filter((s) => !s.responder).length / 400;
    expect(nonResponders).toBeGreaterThan(0.05);
    expect(nonResponders).toBeLessThan(0.15);
    const tonic = many.subjects.map((s) => s.tonicUs).sort((a, b) => a - b);
    expect(tonic[40]).toBeLessThan(4);
    expect(tonic[360]).toBeGreaterThan(9);
    expect(new Set(many.subjects.map((s) => s.id)).size).toBe(400);
  });

  it('rejects bad options with a coded error naming the field', () => {
    expect(() => resolveCohortConfig({ subjects: 0 })).toThrow(/cohort.subjects/);
    expect(() => resolveCohortConfig({ subjects: 2, seed: -1 })).toThrow(SignalsError);
    expect(() => resolveCohortConfig({ subjects: 2, model: { tonicMedianUs: Number.NaN } })).toThrow(/cohort.model.tonicMedianUs/);
    expect(() => cohort.render(10_000)).toThrow(SignalsError);
  });
});

/** Counts R peaks: local maxima above 60% of the window's maximum, at least 0.25 s apart. */
function countRPeaks(ecg: Float32Array): number {
  let max = -Infinity;
  for (const v of ecg) max = Math.max(max, v);
  let count = 0;
  let last = -Infinity;
  for (let k = 1; k < ecg.length - 1; k++) {
    if (ecg[k] > 0.6 * max && ecg[k] >= ecg[k - 1] && ecg[k] > ecg[k + 1] && k - last > 128) {
      count++;
      last = k;
    }
  }
  return count;
}
