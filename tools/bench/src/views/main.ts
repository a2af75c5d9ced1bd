/**
 * @module `npx nx run bench:views [-- --subjects 4 --windows-per-class 10 --passes 5]`: the cost
 * of building model input per window for the issue-9 views (lab GSR, all five lab channels, the
 * wearable student, and each channel feature alone) from 512-Hz synthetic recordings, against
 * today's `preprocessWindow` in the same run.
 */
import { availableParallelism, loadavg } from 'node:os';
import { generateCohort, LAB_ALL_CHANNELS_VIEW, LAB_GSR_VIEW, parseViewConfig, WEARABLE_GSR_VIEW } from '@painkd/signals';
import { baselineCase, formatViewTable, timeViews, viewCase } from './views-bench.js';

const flags = new Map<string, number>([
  ['subjects', 4],
  ['windows-per-class', 10],
  ['passes', 5],
]);
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i += 2) {
  const name = argv[i].replace(/^--/, '');
  const value = Number(argv[i + 1]);
  if (!flags.has(name) || !Number.isInteger(value) || value < 1) {
    console.error(`bench:views: bad flag ${argv[i]} ${argv[i + 1] ?? ''}; usage: --subjects 4 --windows-per-class 10 --passes 5`);
    process.exit(2);
  }
  flags.set(name, value);
}
const cohort = generateCohort({ subjects: flags.get('subjects')!, windowsPerClass: flags.get('windows-per-class')!, seed: 1 });
const recordings = cohort.trials.map((t) => cohort.render(t.index));
console.log(
  `bench:views — node ${process.version}, ${availableParallelism()} cores, load ${loadavg()[0].toFixed(1)}; ` +
    `${recordings.length} synthetic windows (5 channels, 2,816 samples at 512 Hz), best of ${flags.get('passes')} passes`,
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
  flags.get('passes')!,
);
console.log('');
console.log(formatViewTable(timings));
