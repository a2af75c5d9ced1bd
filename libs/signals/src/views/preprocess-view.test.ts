import { describe, expect, it } from 'vitest';
import { DEFAULT_PREPROCESS_CONFIG } from '../preprocess/preprocess-config.js';
import { preprocessWindow } from '../preprocess/preprocess-window.js';
import { fillMissing } from '../preprocess/fill-missing.js';
import { computeSignalStats } from '../preprocess/signal-stats.js';
import { generateCohort } from '../synth/generate-cohort.js';
import { deriveSeed } from '../synth/random.js';
import { errorAt } from '../testing/error-at.js';
import { degradeToWearable } from '../wearable/degrade-to-wearable.js';
import { parseViewConfig } from './parse-view-config.js';
import { preprocessView } from './preprocess-view.js';
import { shapeView } from './shape-view.js';
import { LAB_ALL_CHANNELS_VIEW, LAB_GSR_VIEW, WEARABLE_GSR_VIEW } from './view-presets.js';

const cohort = generateCohort({ subjects: 2, windowsPerClass: 2, seed: 6 });
const recordings = cohort.trials.map((t) => cohort.render(t.index));

/** Channel c of a channels-last window. */
const channel = (x: Float32Array, channels: number, c: number): Float32Array => x.filter((_, i) => i % channels === c);

describe('preprocessView', () => {
  it('a one-channel GSR level view without a wearable gives exactly preprocessWindow’s output', () => {
    const messy = Float32Array.from(recordings[3].channels.gsr);
    messy.fill(Number.NaN, 100, 180);
    messy[900] = 80; // an electrode pop for the outlier step
    const minmax = parseViewConfig({ preprocess: { normalization: { method: 'minmax' }, sampleRate: 64 } });
    for (const view of [LAB_GSR_VIEW, minmax]) {
      for (const gsr of [...recordings.map((r) => r.channels.gsr), messy]) {
        expect(preprocessView({ sampleRate: 512, channels: { gsr } }, view)).toEqual(preprocessWindow(gsr, 512, view.preprocess));
      }
    }
  });

  it('lays the channels out last (sample-major), each channel as it would be alone', () => {
    const recording = recordings[7];
    const x = preprocessView(recording, LAB_ALL_CHANNELS_VIEW);
    expect(x.length).toBe(176 * 5);
    LAB_ALL_CHANNELS_VIEW.channels.forEach((c, i) => {
      const alone = preprocessView(recording, { ...LAB_ALL_CHANNELS_VIEW, channels: [c] });
      expect(channel(x, 5, i)).toEqual(alone);
    });
  });

  it('normalises every channel on its own (z-score per window by default)', () => {
    const x = preprocessView(recordings[2], LAB_ALL_CHANNELS_VIEW);
    for (let c = 0; c < 5; c++) {
      const stats = computeSignalStats([channel(x, 5, c)]);
      expect(stats.mean).toBeCloseTo(0, 5);
      expect(stats.sd).toBeCloseTo(1, 5);
    }
  });

  it('the wearable student: 22 samples at 4 Hz, the GSR chain run on the degraded signal, reproducible by seed', () => {
    const recording = recordings[5];
    const seed = deriveSeed(1, recording.subjectIndex, recording.trial);
    const x = preprocessView(recording, WEARABLE_GSR_VIEW, { seed });
    expect(x.length).toBe(22);
    const device = degradeToWearable(fillMissing(recording.channels.gsr), 512, WEARABLE_GSR_VIEW.wearable!, seed);
    expect(x).toEqual(preprocessWindow(device.samples, device.sampleRate, WEARABLE_GSR_VIEW.preprocess));
    expect(preprocessView(recording, WEARABLE_GSR_VIEW, { seed })).toEqual(x);
    expect(preprocessView(recording, WEARABLE_GSR_VIEW, { seed: seed + 1 })).not.toEqual(x);
  });

  it('normalises with the subject’s statistics for scope "subject", one entry per channel', () => {
    const view = { ...LAB_ALL_CHANNELS_VIEW, preprocess: { ...DEFAULT_PREPROCESS_CONFIG, normalization: { method: 'zscore' as const, scope: 'subject' as const } } };
    const stats = LAB_ALL_CHANNELS_VIEW.channels.map((_, c) => ({ mean: c, sd: 2, min: 0, max: 1, count: 1 }));
    const x = preprocessView(recordings[1], view, { subjectStats: stats });
    const shaped = shapeView(recordings[1], view);
    for (let c = 0; c < 5; c++) {
      expect(channel(x, 5, c)).toEqual(Float32Array.from(shaped[c], (v) => (v - c) / 2));
    }
    expect(errorAt(() => preprocessView(recordings[1], view))).toBe('SIGNAL_INVALID_ARGUMENT@options.subjectStats');
    expect(errorAt(() => preprocessView(recordings[1], view, { subjectStats: stats.slice(1) }))).toBe('SIGNAL_INVALID_ARGUMENT@options.subjectStats');
  });
});
