/** @module Messages between the experiment runner and its fold workers. */
import type { FinalJobResult, FoldJob, FoldJobResult, JobProgress, ViewDatasets } from './fold-job.js';
import type { ExperimentConfig } from './experiment-config.js';

/** `workerData` of a fold worker. */
export interface FoldWorkerData {
  /** URL of the worker module (read by the bootstrap). */
  readonly entry: string;
  readonly views: ViewDatasets;
  readonly config: ExperimentConfig;
  /** Backend to initialise (`auto` or a name, as @painkd/models' `initBackend` takes). */
  readonly backend: string;
}

/** Runner → worker. */
export type ToWorker = { readonly type: 'job'; readonly id: number; readonly job: FoldJob };

/** Worker → runner. */
export type FromWorker =
  | { readonly type: 'ready'; readonly backend: string }
  | { readonly type: 'progress'; readonly id: number; readonly progress: JobProgress }
  | { readonly type: 'result'; readonly id: number; readonly result: FoldJobResult | FinalJobResult }
  | { readonly type: 'error'; readonly id: number | null; readonly error: { readonly message: string; readonly code?: string; readonly stack?: string } };
