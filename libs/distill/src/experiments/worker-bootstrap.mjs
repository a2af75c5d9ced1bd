// Worker entry: registers tsx so the TypeScript fold worker (and the workspace sources it
// imports through the @painkd/source condition) load in a worker thread, then starts it.
// Node 20 does not apply the parent's `--import tsx` loader to worker threads.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
