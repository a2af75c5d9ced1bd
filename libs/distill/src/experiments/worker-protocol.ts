/** @module Messages between a job executor and its worker threads. */
import type { GpuAdapterInfo } from '@painkd/models';
import type { ExperimentConfig } from './experiment-config.js';
import type { ExperimentJob, ExperimentJobResult, JobProgress, TeacherCaches } from './experiment-job.js';
import type { ViewDatasets } from './experiment-plan.js';
import type { SerializedError } from './serialized-error.js';

/** `workerData` of a job worker thread. */
export interface JobWorkerData {
  /** Backend to initialise (`auto` or a name, as @painkd/models' `initBackend` takes). */
  readonly backend: string;
}

/**
 * The experiment a job belongs to. `key` names it; the views and config travel with the first job
 * of that experiment a thread gets, and the thread keeps the plan (the two most recent).
 */
export interface JobContext {
  readonly key: string;
  readonly views: ViewDatasets;
  readonly config: ExperimentConfig;
}

/** How many experiment plans a thread keeps. */
export const CONTEXTS_PER_THREAD = 2;

/** Executor → thread. */
export type ToWorker = {
  readonly type: 'job';
  readonly id: number;
  /** The full context when the thread does not hold it yet, else its key. */
  readonly context: JobContext | string;
  readonly job: ExperimentJob;
  readonly caches: TeacherCaches;
};

/** Thread → executor. */
export type FromWorker =
  | { readonly type: 'ready'; readonly backend: string; readonly adapter?: GpuAdapterInfo }
  | { readonly type: 'progress'; readonly id: number; readonly progress: JobProgress }
  | { readonly type: 'result'; readonly id: number; readonly result: ExperimentJobResult }
  | { readonly type: 'error'; readonly id: number | null; readonly error: SerializedError };
