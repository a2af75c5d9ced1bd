import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedisServer, type LocalRedis } from '@painkd/signals/node';
import { ExperimentStore } from './experiment-store.js';
import { queueScheduler } from './queue-scheduler.js';
import { startQueueWorker, type QueueWorker } from './queue-worker.js';
import { connectRedis } from './redis-connection.js';
import { viewDatasetsHash } from '../data/dataset-hash.js';
import { resolveExperimentConfig } from '../experiments/experiment-config.js';
import { runExperiment } from '../experiments/run-experiment.js';
import { toyDataset } from '../testing/toy-dataset.js';

const source = { source: 'synthetic' as const, root: 'toy' };
const config = resolveExperimentConfig({ cv: { folds: 2 }, training: { epochs: 1 }, final: { enabled: false, student: 'auto' }, workers: 1, backend: 'cpu' });

describe('startQueueWorker (real Redis)', () => {
  let server: LocalRedis;
  let worker: QueueWorker;
  const theirs = { lab: toyDataset(4, 2, 5, 32) };
  beforeAll(async () => {
    server = await startRedisServer();
    worker = await startQueueWorker({ url: server.url, concurrency: 1, backend: 'cpu', resolveDataset: async () => theirs, name: 'other-data', stallSeconds: 5 });
  }, 60_000);
  afterAll(async () => {
    await worker?.close();
    await server?.stop();
  });

  it('refuses a job whose data hash differs from its own copy, records why, and leaves the job to others', async () => {
    const mine = { lab: { ...theirs.lab, x: theirs.lab.x.map((v, i) => (i === 0 ? v + 1 : v)) } };
    let id = '';
    const run = runExperiment({
      views: mine,
      source,
      config,
      scheduler: queueScheduler({ url: server.url, dataset: { source: 'synthetic', hash: viewDatasetsHash(mine), views: {}, seed: 1 }, source, onExperiment: (e) => (id = e), pollMs: 200 }),
    });
    await expect(run).rejects.toMatchObject({ code: 'DATASET_MISMATCH', message: expect.stringContaining(`other-data: DATASET_MISMATCH this worker's synthetic data hashes to ${viewDatasetsHash(theirs)}`) });
    const redis = await connectRedis(server.url);
    const refusals = await new ExperimentStore(redis, id).refusals();
    await redis.quit();
    expect(refusals['other-data']).toMatchObject({ code: 'DATASET_MISMATCH', message: expect.stringContaining(viewDatasetsHash(mine)) });
  }, 60_000);
});
