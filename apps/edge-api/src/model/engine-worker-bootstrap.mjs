// Source-mode entry of the inference worker: registers tsx so engine-worker.ts (and the workspace
// sources it imports through the @painkd/source condition) load in a worker thread. Node 20 does
// not apply the parent's `--import tsx` to worker threads. The bundle uses engine-worker.mjs.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
