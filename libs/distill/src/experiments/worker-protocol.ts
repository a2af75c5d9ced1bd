/** @module Messages between the experiment runner and its fold workers. */
import type { GpuAdapterInfo } from '@painkd/models';
import type { FinalJobResult, FoldJob, FoldJobResult, JobProgress } from './fold-job.js';
import type { ExperimentConfig } from './experiment-config.js';
import type { WindowDataset } from '../data/window-dataset.js';

/** `workerData` of a fold worker. */
export interface FoldWorkerData {
  /** URL of the worker module (read by the bootstrap). */
  readonly entry: string;
  readonly data: WindowDataset;
  readonly config: ExperimentConfig;
  /** Backend to initialise (`auto` or a name, as @painkd/models' `initBackend` takes). */
  readonly backend: string;
}

/** Runner → worker. */
export type ToWorker = { readonly type: 'job'; readonly id: number; readonly job: FoldJob };

/** Worker → runner. */
export type FromWorker =
  | { readonly type: 'ready'; readonly backend: string; readonly adapter?: GpuAdapterInfo }
  | { readonly type: 'progress'; readonly id: number; readonly progress: JobProgress }
  | { readonly type: 'result'; readonly id: number; readonly result: FoldJobResult | FinalJobResult }
  | { readonly type: 'error'; readonly id: number | null; readonly error: { readonly message: string; readonly code?: string; readonly stack?: string } };
