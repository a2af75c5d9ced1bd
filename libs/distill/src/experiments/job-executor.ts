/** @module Where fold jobs run: in this thread, or on a pool of worker threads (one job each). */
import { Worker } from 'node:worker_threads';
import { initBackend, type BackendName, type GpuAdapterInfo } from '@painkd/models';
import { runFoldJob, type FinalJobResult, type FoldJob, type FoldJobResult, type JobProgress } from './fold-job.js';
import type { ExperimentConfig } from './experiment-config.js';
import type { FoldWorkerData, FromWorker, ToWorker } from './worker-protocol.js';
import type { WindowDataset } from '../data/window-dataset.js';
import { DistillError } from '../errors.js';

/** Runs jobs; `run` may be called concurrently up to `capacity` times usefully. */
export interface JobExecutor {
  /** Name of the tfjs backend the jobs train on. */
  readonly backend: string;
  /** The GPU adapter of the webgpu backend. */
  readonly adapter?: GpuAdapterInfo;
  readonly capacity: number;
  run(job: FoldJob, onProgress: (p: JobProgress) => void): Promise<FoldJobResult | FinalJobResult>;
  close(): Promise<void>;
}

/**
 * An executor that runs jobs one at a time in this thread (after initialising the backend here).
 *
 * @example
 * const executor = await inThreadExecutor(data, config, 'auto', signal);
 */
export async function inThreadExecutor(data: WindowDataset, config: ExperimentConfig, backend: string, signal?: AbortSignal): Promise<JobExecutor> {
  const info = await initBackend(backend as BackendName);
  let queue: Promise<unknown> = Promise.resolve();
  return {
    backend: info.name,
    ...(info.adapter ? { adapter: info.adapter } : {}),
    capacity: 1,
    run(job, onProgress) {
      const next = queue.then(() => runFoldJob(job, data, config, { onProgress, ...(signal ? { signal } : {}) }));
      queue = next.catch(() => undefined);
      return next;
    },
    close: async () => undefined,
  };
}

/**
 * An executor backed by `count` worker threads, each with its own tfjs backend and a copy of the
 * dataset; jobs queue for the first free worker. Aborting `signal` terminates every worker and
 * rejects pending jobs with `EXPERIMENT_ABORTED`.
 *
 * @example
 * const executor = await workerPoolExecutor(data, config, 'auto', 2, signal);
 */
export async function workerPoolExecutor(
  data: WindowDataset,
  config: ExperimentConfig,
  backend: string,
  count: number,
  signal?: AbortSignal,
): Promise<JobExecutor> {
  const workerData: FoldWorkerData = { entry: new URL('./fold-worker.ts', import.meta.url).href, data, config, backend };
  const idle: Worker[] = [];
  const waiting: ((w: Worker) => void)[] = [];
  const pending = new Map<number, { resolve: (r: FoldJobResult | FinalJobResult) => void; reject: (e: Error) => void; onProgress: (p: JobProgress) => void }>();
  let nextId = 0;
  let failure: Error | undefined;

  const fail = (error: Error): void => {
    failure ??= error;
    for (const p of pending.values()) p.reject(failure);
    pending.clear();
  };
  const workers = await Promise.all(
    Array.from({ length: count }, () => {
      const worker = new Worker(new URL('./worker-bootstrap.mjs', import.meta.url), { workerData, execArgv: ['--conditions=@painkd/source'] });
      return new Promise<{ worker: Worker; backend: string; adapter?: GpuAdapterInfo }>((resolve, reject) => {
        worker.on('message', (message: FromWorker) => {
          if (message.type === 'ready') return resolve({ worker, backend: message.backend, ...(message.adapter ? { adapter: message.adapter } : {}) });
          if (message.type === 'error' && message.id === null) return reject(revive(message.error));
          const id = message.id;
          const entry = id === null ? undefined : pending.get(id);
          if (!entry) return;
          if (message.type === 'progress') entry.onProgress(message.progress);
          else if (message.type === 'result') {
            pending.delete(id!);
            release(worker);
            entry.resolve(message.result);
          } else {
            pending.delete(id!);
            release(worker);
            entry.reject(revive(message.error));
          }
        });
        worker.on('error', (error) => {
          reject(error);
          fail(error);
        });
        worker.on('exit', (code) => {
          if (code !== 0) fail(new DistillError('EXPERIMENT_ABORTED', `a fold worker exited with code ${code}`));
        });
      });
    }),
  );
  const release = (worker: Worker): void => {
    const waiter = waiting.shift();
    if (waiter) waiter(worker);
    else idle.push(worker);
  };
  workers.forEach((w) => idle.push(w.worker));
  const terminateAll = async (): Promise<void> => {
    await Promise.all(workers.map((w) => w.worker.terminate()));
  };
  signal?.addEventListener('abort', () => {
    fail(new DistillError('EXPERIMENT_ABORTED', 'the experiment was aborted'));
    void terminateAll();
  });

  return {
    backend: workers[0].backend,
    ...(workers[0].adapter ? { adapter: workers[0].adapter } : {}),
    capacity: count,
    async run(job, onProgress) {
      if (failure) throw failure;
      const worker = idle.shift() ?? (await new Promise<Worker>((resolve) => waiting.push(resolve)));
      if (failure) throw failure;
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject, onProgress });
        worker.postMessage({ type: 'job', id, job } satisfies ToWorker);
      });
    },
    close: terminateAll,
  };
}

/** Rebuilds a worker's error in this thread, keeping its message, stable `code` and stack. */
function revive(error: { message: string; code?: string; stack?: string }): Error {
  const revived = Object.assign(new Error(error.message), error.code ? { code: error.code } : {});
  if (error.stack) revived.stack = error.stack;
  return revived;
}
