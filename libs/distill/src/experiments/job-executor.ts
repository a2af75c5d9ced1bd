/**
 * @module Where experiment jobs run: in this thread, or on a pool of worker threads (one job per
 * thread at a time, student jobs ahead of teacher jobs so teacher caches are freed early). Both
 * run {@link ExperimentJob}s of any number of experiments ({@link JobContext}).
 */
import type { Worker } from 'node:worker_threads';
import { initBackend, type BackendName, type GpuAdapterInfo } from '@painkd/models';
import { startModuleWorker } from '@painkd/signals/node';
import type { ExperimentJob, ExperimentJobResult, JobProgress, TeacherCaches } from './experiment-job.js';
import { planExperiment, type ExperimentPlan } from './experiment-plan.js';
import { runExperimentJob } from './run-job.js';
import { reviveError } from './serialized-error.js';
import { CONTEXTS_PER_THREAD, type FromWorker, type JobContext, type JobWorkerData, type ToWorker } from './worker-protocol.js';
import { DistillError } from '../errors.js';

/** Runs jobs; `run` may be called concurrently, up to `capacity` jobs run at once. */
export interface JobExecutor {
  /** Name of the tfjs backend the jobs train on. */
  readonly backend: string;
  /** The GPU adapter of the webgpu backend. */
  readonly adapter?: GpuAdapterInfo;
  readonly capacity: number;
  run(context: JobContext, job: ExperimentJob, caches: TeacherCaches, onProgress: (p: JobProgress) => void): Promise<ExperimentJobResult>;
  close(): Promise<void>;
}

/**
 * An executor that runs jobs one at a time in this thread (after initialising the backend here).
 *
 * @example
 * const executor = await inThreadExecutor('auto', signal);
 * const result = await executor.run({ key: 'exp', views, config }, { kind: 'teachers', unit }, {}, onProgress);
 */
export async function inThreadExecutor(backend: string, signal?: AbortSignal): Promise<JobExecutor> {
  const info = await initBackend(backend as BackendName);
  const plans = new Map<string, ExperimentPlan>();
  let queue: Promise<unknown> = Promise.resolve();
  return {
    backend: info.name,
    ...(info.adapter ? { adapter: info.adapter } : {}),
    capacity: 1,
    run(context, job, caches, onProgress) {
      const next = queue.then(() => {
        let plan = plans.get(context.key);
        if (!plan) {
          plan = planExperiment(context.views, context.config);
          plans.set(context.key, plan);
          while (plans.size > CONTEXTS_PER_THREAD) plans.delete(plans.keys().next().value!);
        }
        return runExperimentJob(job, plan, caches, { onProgress, ...(signal ? { signal } : {}) });
      });
      queue = next.catch(() => undefined);
      return next;
    },
    close: async () => undefined,
  };
}

interface Slot {
  readonly worker: Worker;
  /** Experiment keys the thread holds, oldest first (mirrors the thread's own eviction). */
  readonly known: string[];
}

interface Waiting {
  readonly start: (slot: Slot) => void;
  readonly cancel: (error: Error) => void;
}

/**
 * An executor backed by `count` worker threads, each with its own tfjs backend. A thread receives
 * an experiment's views and config with its first job of that experiment and keeps the two most
 * recent. Jobs wait for the first free thread, students before teachers. A job's error comes back
 * with its message, stable `code` and stack; a thread that dies, or aborting `signal`, fails every
 * pending job with `EXPERIMENT_ABORTED` and terminates the pool.
 *
 * @example
 * const executor = await workerPoolExecutor('auto', 2, signal);
 */
export async function workerPoolExecutor(backend: string, count: number, signal?: AbortSignal): Promise<JobExecutor> {
  const workerData: JobWorkerData = { backend };
  const slots: Slot[] = Array.from({ length: count }, () => ({ worker: startModuleWorker(new URL('./job-worker.ts', import.meta.url), { workerData }), known: [] }));
  const idle: Slot[] = [];
  const waiting = { student: [] as Waiting[], teachers: [] as Waiting[] };
  const pending = new Map<number, { resolve: (r: ExperimentJobResult) => void; reject: (e: Error) => void; onProgress: (p: JobProgress) => void }>();
  let nextId = 0;
  let failure: Error | undefined;
  const terminate = async (): Promise<void> => {
    await Promise.all(slots.map((s) => s.worker.terminate()));
  };
  const fail = (error: Error): void => {
    failure ??= error;
    for (const p of pending.values()) p.reject(failure);
    pending.clear();
    for (const w of [...waiting.student.splice(0), ...waiting.teachers.splice(0)]) w.cancel(failure);
  };
  const release = (slot: Slot): void => {
    const next = waiting.student.shift() ?? waiting.teachers.shift();
    if (next) next.start(slot);
    else idle.push(slot);
  };
  const ready = slots.map(
    (slot) =>
      new Promise<{ backend: string; adapter?: GpuAdapterInfo }>((resolve, reject) => {
        slot.worker.on('message', (message: FromWorker) => {
          if (message.type === 'ready') return resolve({ backend: message.backend, ...(message.adapter ? { adapter: message.adapter } : {}) });
          if (message.id === null) return reject(message.type === 'error' ? reviveError(message.error) : new Error('job worker: unexpected message'));
          const entry = pending.get(message.id);
          if (!entry) return;
          if (message.type === 'progress') return entry.onProgress(message.progress);
          pending.delete(message.id);
          release(slot);
          if (message.type === 'result') entry.resolve(message.result);
          else entry.reject(reviveError(message.error));
        });
        slot.worker.on('error', (error) => {
          reject(error);
          fail(error);
        });
        slot.worker.on('exit', (code) => {
          const error = new DistillError('EXPERIMENT_ABORTED', `a job worker thread exited with code ${code}`);
          reject(error);
          if (code !== 0) fail(error);
        });
      }),
  );
  let backends: { backend: string; adapter?: GpuAdapterInfo }[];
  try {
    backends = await Promise.all(ready);
  } catch (error) {
    await terminate();
    throw error;
  }
  idle.push(...slots);
  signal?.addEventListener('abort', () => {
    fail(new DistillError('EXPERIMENT_ABORTED', 'the experiment was aborted'));
    void terminate();
  });

  return {
    backend: backends[0]!.backend,
    ...(backends[0]!.adapter ? { adapter: backends[0]!.adapter } : {}),
    capacity: count,
    async run(context, job, caches, onProgress) {
      if (failure) throw failure;
      const slot = idle.shift() ?? (await new Promise<Slot>((start, cancel) => (job.kind === 'student' ? waiting.student : waiting.teachers).push({ start, cancel })));
      const id = nextId++;
      const known = slot.known.includes(context.key);
      if (!known) {
        slot.known.push(context.key);
        while (slot.known.length > CONTEXTS_PER_THREAD) slot.known.shift();
      }
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject, onProgress });
        slot.worker.postMessage({ type: 'job', id, context: known ? context.key : context, job, caches } satisfies ToWorker);
      });
    },
    close: terminate,
  };
}
