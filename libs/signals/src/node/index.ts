/**
 * @module @painkd/signals/node — the Node-only part of @painkd/signals: reading BioVid folders and
 * files from disk, writing a synthetic cohort, and the `signals:synth` command. Kept out of the
 * root barrel so `@painkd/signals` stays importable in a browser and on the edge.
 */
export { loadBiovid, type LoadBiovidOptions, type LoadBiovidProgress, type LoadBiovidResult } from './load-biovid.js';
export { readBiovidRecording, type ReadBiovidOptions } from './read-biovid-recording.js';
export { scanBiovid, scanBiovidFiles, type BiovidScanResult, type BiovidSkippedFile } from './scan-biovid.js';
export {
  biovidCohortPath,
  biovidFileName,
  writeBiovidCohort,
  type WriteBiovidCohortOptions,
  type WriteCohortProgress,
  type WriteCohortResult,
} from './write-biovid-cohort.js';
export { parseSynthArgs, runSynthCli, SYNTH_USAGE, type SynthCliOptions, type SynthCliOutput } from './synth-cli.js';
export { startModuleWorker, type StartWorkerOptions } from './start-worker.js';
export { startRedisServer, type LocalRedis } from './redis-server.js';
