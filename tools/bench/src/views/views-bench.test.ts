import { describe, expect, it } from 'vitest';
import { generateCohort, LAB_ALL_CHANNELS_VIEW, LAB_GSR_VIEW, preprocessWindow } from '@painkd/signals';
import { baselineCase, formatViewTable, timeViews, viewCase } from './views-bench.js';

describe('views benchmark pieces', () => {
  const cohort = generateCohort({ subjects: 1, windowsPerClass: 1, seed: 2 });
  const recordings = cohort.trials.map((t) => cohort.render(t.index));

  it('runs the baseline and each view on every window, and reports the best pass per window', () => {
    const baseline = baselineCase(LAB_GSR_VIEW);
    expect(baseline.run(recordings[0])).toEqual(preprocessWindow(recordings[0].channels.gsr, 512, LAB_GSR_VIEW.preprocess));
    expect(viewCase('all', LAB_ALL_CHANNELS_VIEW).run(recordings[0]).length).toBe(176 * 5);
    const timings = timeViews([baseline, viewCase('all', LAB_ALL_CHANNELS_VIEW)], recordings, 2);
    expect(timings.map((t) => [t.name, t.channels, t.windows])).toEqual([
      ['preprocessWindow (baseline)', 1, 5],
      ['all', 5, 5],
    ]);
    for (const t of timings) expect(t.msPerWindow).toBeGreaterThan(0);
  });

  it('prints a markdown table with per-channel cost, the protocol projection and the ratio to the first row', () => {
    const table = formatViewTable([
      { name: 'base', channels: 1, windows: 10, msPerWindow: 0.5 },
      { name: 'five', channels: 5, windows: 10, msPerWindow: 2 },
    ]).split('\n');
    expect(table).toHaveLength(4);
    expect(table[3]).toBe('| five | 5 | 2.000 | 0.400 | 17.4 | 4.00 |');
  });
});
