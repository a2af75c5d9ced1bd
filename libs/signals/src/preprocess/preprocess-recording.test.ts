import { describe, expect, it } from 'vitest';
import { SignalsError } from '../errors.js';
import { parsePreprocessConfig } from './parse-preprocess-config.js';
import { DEFAULT_PREPROCESS_CONFIG } from './preprocess-config.js';
import { computeSubjectStats, preprocessRecording } from './preprocess-recording.js';
import { preprocessWindow } from './preprocess-window.js';

const recording = Float32Array.from({ length: 512 * 20 }, (_, i) => 6 + Math.sin(i / 700) + 0.01 * Math.sin(i * 0.37));

describe('preprocessRecording', () => {
  it('cuts non-overlapping windows by default and preprocesses each', () => {
    const windows = preprocessRecording(recording, 512, DEFAULT_PREPROCESS_CONFIG);
    expect(windows.map((w) => w.startSample)).toEqual([0, 2816, 5632]);
    expect(windows.every((w) => w.samples.length === 176)).toBe(true);
    const second = preprocessWindow(recording.subarray(2816, 5632), 512, DEFAULT_PREPROCESS_CONFIG);
    expect(Array.from(windows[1].samples)).toEqual(Array.from(second));
  });

  it('honours hopSeconds', () => {
    const windows = preprocessRecording(recording, 512, DEFAULT_PREPROCESS_CONFIG, { hopSeconds: 1 });
    expect(windows.length).toBe(15);
    expect(windows[3].startSample).toBe(1536);
    expect(windows[3].index).toBe(3);
  });

  it('applies subject statistics when the scope is subject', () => {
    const config = parsePreprocessConfig({ normalization: { scope: 'subject' } });
    const raw = [recording.subarray(0, 2816), recording.subarray(2816, 5632), recording.subarray(5632, 8448)];
    const subjectStats = computeSubjectStats(raw, 512, config);
    expect(subjectStats.count).toBe(3 * 176);
    const windows = preprocessRecording(recording, 512, config, { subjectStats });
    // Pooled over the subject's windows, the normalised samples have mean 0 and sd 1.
    const all = windows.flatMap((w) => Array.from(w.samples));
    const mean = all.reduce((s, v) => s + v, 0) / all.length;
    const sd = Math.sqrt(all.reduce((s, v) => s + (v - mean) ** 2, 0) / all.length);
    expect(Math.abs(mean)).toBeLessThan(1e-5);
    expect(sd).toBeCloseTo(1, 4);
    // Unlike per-window scaling, levels differ between windows.
    const windowMean = (k: number) => windows[k].samples.reduce((s, v) => s + v, 0) / 176;
    expect(Math.abs(windowMean(0) - windowMean(1))).toBeGreaterThan(0.1);
  });

  it('rejects bad arguments naming them', () => {
    expect(() => preprocessRecording(recording, 0, DEFAULT_PREPROCESS_CONFIG)).toThrow(SignalsError);
    expect(() => preprocessRecording(recording, 512, DEFAULT_PREPROCESS_CONFIG, { hopSeconds: -1 })).toThrow(/hopSeconds/);
    expect(() => computeSubjectStats([], 512, DEFAULT_PREPROCESS_CONFIG)).toThrow(/no samples/);
  });
});
