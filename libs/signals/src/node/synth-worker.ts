/** @module Worker thread of the synth command: writes one shard of the cohort, reporting counts. */
import { parentPort, workerData } from 'node:worker_threads';
import { generateCohort, type CohortOptions } from '../synth/generate-cohort.js';
import { writeBiovidCohort } from './write-biovid-cohort.js';

const { cohortOptions, out, shard } = workerData as {
  cohortOptions: CohortOptions;
  out: string;
  shard: { index: number; count: number };
};
let lastBytes = 0;
await writeBiovidCohort(generateCohort(cohortOptions), out, {
  shard,
  onProgress: (progress) => {
    parentPort?.postMessage({ written: 1, bytes: progress.bytes - lastBytes });
    lastBytes = progress.bytes;
  },
});
