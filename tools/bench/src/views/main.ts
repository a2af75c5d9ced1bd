/**
 * @module `npx nx run bench:views [-- --subjects 4 --windows-per-class 10 --passes 5]`: the cost
 * of building model input per window for the issue-9 views (lab GSR, all five lab channels, the
 * wearable student, and each channel feature alone) from 512-Hz synthetic recordings, against
 * today's `preprocessWindow` in the same run. Each flag takes a positive integer; an unknown flag or
 * a bad value exits 2 with the usage.
 */
import { availableParallelism, loadavg } from 'node:os';
import { generateCohort, LAB_ALL_CHANNELS_VIEW, LAB_GSR_VIEW, parseViewConfig, WEARABLE_GSR_VIEW } from '@painkd/signals';
import { benchArgs } from '../cli/bench-args.js';
import { baselineCase, formatViewTable, timeViews, viewCase } from './views-bench.js';

const flags = benchArgs({
  bench: 'views',
  usage: '[--subjects 4] [--windows-per-class 10] [--passes 5]',
  flags: {
    subjects: { type: 'integer', default: 4 },
    'windows-per-class': { type: 'integer', default: 10 },
    passes: { type: 'integer', default: 5 },
  },
});
const cohort = generateCohort({ subjects: flags.subjects, windowsPerClass: flags['windows-per-class'], seed: 1 });
const recordings = cohort.trials.map((t) => cohort.render(t.index));
console.log(
  `bench:views — node ${process.version}, ${availableParallelism()} cores, load ${loadavg()[0].toFixed(1)}; ` +
    `${recordings.length} synthetic windows (5 channels, 2,816 samples at 512 Hz), best of ${flags.passes} passes`,
);
const single = (channel: object): ReturnType<typeof parseViewConfig> => parseViewConfig({ channels: [channel] });
const timings = timeViews(
  [
    baselineCase(LAB_GSR_VIEW),
    viewCase('LAB_GSR_VIEW', LAB_GSR_VIEW),
    viewCase('LAB_ALL_CHANNELS_VIEW', LAB_ALL_CHANNELS_VIEW),
    viewCase('WEARABLE_GSR_VIEW', WEARABLE_GSR_VIEW),
    viewCase('ecg heart-rate alone', single({ source: 'ecg' })),
    viewCase('emg_corrugator envelope alone', single({ source: 'emg_corrugator' })),
    viewCase('ecg bandpass alone', single({ source: 'ecg', feature: 'bandpass' })),
  ],
  recordings,
  flags.passes,
);
console.log('');
console.log(formatViewTable(timings));
