/** @module A worker thread that runs fold jobs on its own tfjs backend (one core per worker). */
import { parentPort, workerData } from 'node:worker_threads';
import { initBackend, type BackendName } from '@painkd/models';
import { runFoldJob } from './fold-job.js';
import type { FoldWorkerData, FromWorker, ToWorker } from './worker-protocol.js';

const port = parentPort!;
const { data, config, backend } = workerData as FoldWorkerData;
const post = (message: FromWorker): void => port.postMessage(message);

try {
  const info = await initBackend(backend as BackendName);
  post({ type: 'ready', backend: info.name, ...(info.adapter ? { adapter: info.adapter } : {}) });
  port.on('message', (message: ToWorker) => {
    runFoldJob(message.job, data, config, { onProgress: (progress) => post({ type: 'progress', id: message.id, progress }) }).then(
      (result) => post({ type: 'result', id: message.id, result }),
      (error: unknown) => post({ type: 'error', id: message.id, error: serialize(error) }),
    );
  });
} catch (error) {
  post({ type: 'error', id: null, error: serialize(error) });
}

function serialize(error: unknown): { message: string; code?: string; stack?: string } {
  if (!(error instanceof Error)) return { message: String(error) };
  const code = (error as { code?: unknown }).code;
  return { message: error.message, ...(typeof code === 'string' ? { code } : {}), ...(error.stack ? { stack: error.stack } : {}) };
}
