import { describe, expect, it } from 'vitest';
import { computeSubjectStats } from '../preprocess/preprocess-recording.js';
import { computeSignalStats } from '../preprocess/signal-stats.js';
import { generateCohort } from '../synth/generate-cohort.js';
import { errorAt } from '../testing/error-at.js';
import { computeViewSubjectStats } from './compute-view-subject-stats.js';
import { shapeView } from './shape-view.js';
import { LAB_ALL_CHANNELS_VIEW, LAB_GSR_VIEW, WEARABLE_GSR_VIEW } from './view-presets.js';

const cohort = generateCohort({ subjects: 1, windowsPerClass: 2, seed: 8 });
const windows = cohort.trials.map((t) => ({ recording: cohort.render(t.index), seed: t.index }));

describe('computeViewSubjectStats', () => {
  it('pools each channel over the windows, at the stage normalisation applies them', () => {
    const stats = computeViewSubjectStats(windows, LAB_ALL_CHANNELS_VIEW);
    expect(stats.length).toBe(5);
    const shaped = windows.map((w) => shapeView(w.recording, LAB_ALL_CHANNELS_VIEW));
    stats.forEach((s, c) => expect(s).toEqual(computeSignalStats(shaped.map((channels) => channels[c]))));
    expect(stats[1].mean).toBeGreaterThan(40); // heart rate, bpm
    expect(stats[1].mean).toBeLessThan(120);
  });

  it('equals computeSubjectStats for the lab GSR view', () => {
    const [gsr] = computeViewSubjectStats(windows, LAB_GSR_VIEW);
    expect(gsr).toEqual(computeSubjectStats(windows.map((w) => w.recording.channels.gsr), 512, LAB_GSR_VIEW.preprocess));
  });

  it('degrades each window with its own seed for a wearable view', () => {
    const [a] = computeViewSubjectStats(windows, WEARABLE_GSR_VIEW);
    const [b] = computeViewSubjectStats(windows.map((w) => ({ ...w, seed: w.seed + 100 })), WEARABLE_GSR_VIEW);
    expect(a.count).toBe(windows.length * 22);
    expect(a).not.toEqual(b);
    expect(errorAt(() => computeViewSubjectStats([{ recording: windows[0].recording }], WEARABLE_GSR_VIEW))).toBe('SIGNAL_INVALID_ARGUMENT@options.seed');
  });

  it('refuses an empty subject', () => {
    expect(errorAt(() => computeViewSubjectStats([], LAB_GSR_VIEW))).toBe('SIGNAL_INVALID_ARGUMENT@windows');
  });
});
