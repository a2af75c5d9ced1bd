/**
 * @module The data of a queued experiment by identity: what the coordinator puts in every job, and
 * how a worker makes its own copy from it (the synthetic cohort regenerated from its seed, or the
 * BioVid folder at the worker's own path).
 */
import { DistillError, viewDatasetsHash, type ExperimentConfig, type ViewDatasets } from '@painkd/distill';
import type { DatasetIdentity } from '@painkd/distill/queue';
import { biovidDataset } from './biovid-dataset.js';
import { syntheticDataset } from './synthetic-dataset.js';
import { usedViews } from './used-views.js';

/**
 * The identity of `views` as loaded for `config` from `source`: the views' configs, the seeds and
 * (synthetic) the cohort settings, and the content hash.
 *
 * @example
 * const dataset = datasetIdentity(config, views, 'synthetic');
 */
export function datasetIdentity(config: ExperimentConfig, views: ViewDatasets, source: 'synthetic' | 'biovid'): DatasetIdentity {
  return {
    source,
    hash: viewDatasetsHash(views),
    views: usedViews(config),
    seed: config.synthetic.seed,
    ...(source === 'synthetic' ? { cohort: { ...config.synthetic } } : {}),
  };
}

/** Where a worker finds its data. */
export interface WorkerDataOptions {
  /** The synthetic cohort's cache folder. */
  readonly cacheDir: string;
  /** This worker's BioVid folder, if it has one. */
  readonly data?: string;
}

/**
 * The worker's `resolveDataset`: regenerates (or reads from its cache) the synthetic cohort the
 * identity describes, or reads this worker's BioVid folder; no folder for a BioVid experiment is
 * `DATASET_UNAVAILABLE`. The caller compares the hash.
 *
 * @example
 * await startQueueWorker({ url, concurrency: 2, backend: 'auto', resolveDataset: workerDataset({ cacheDir, data }) });
 */
export function workerDataset(options: WorkerDataOptions): (identity: DatasetIdentity) => Promise<ViewDatasets> {
  return async (identity) => {
    if (identity.source === 'biovid') {
      if (!options.data) throw new DistillError('DATASET_UNAVAILABLE', 'the experiment reads BioVid data and this worker has no --data folder');
      return biovidDataset(options.data, identity.views, identity.seed);
    }
    if (!identity.cohort) throw new DistillError('DATASET_UNAVAILABLE', 'the job names a synthetic cohort without its settings');
    return (await syntheticDataset({ cacheDir: options.cacheDir, ...identity.cohort, views: identity.views })).views;
  };
}
