import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedisServer, type LocalRedis } from '@painkd/signals/node';
import type { DatasetIdentity } from './dataset-identity.js';
import { queueScheduler } from './queue-scheduler.js';
import { startQueueWorker, type QueueWorker } from './queue-worker.js';
import { viewDatasetsHash } from '../data/dataset-hash.js';
import { resolveExperimentConfig } from '../experiments/experiment-config.js';
import { runExperiment } from '../experiments/run-experiment.js';
import { toyViews } from '../testing/toy-dataset.js';

const small = { filters: [4, 4], kernelSizes: [5, 3], hiddenUnits: 8, bnMomentum: 0.9 };
const views = toyViews(4, 2);
const source = { source: 'synthetic' as const, root: 'toy' };
const dataset: DatasetIdentity = { source: 'synthetic', hash: viewDatasetsHash(views), views: {}, seed: 1 };
const config = resolveExperimentConfig({
  views: { lab: {}, wrist: {} },
  cv: { folds: 2 },
  training: { epochs: 2, batchSize: 16, learningRate: 0.01 },
  teacher: { net: { arch: 'teacher-cnn', config: small }, view: 'lab' },
  student: { arch: 'student-tiny', config: small, view: 'wrist' },
  runs: [
    { id: 'student-ce', loss: { ce: 1 } },
    { id: 'student-fitnets', loss: { ce: 0.5, fitnets: { weight: 0.5 } } },
  ],
  final: { enabled: true, student: 'best' },
  workers: 1,
  backend: 'cpu',
});

describe('queueScheduler with an in-process queue worker (real Redis)', () => {
  let server: LocalRedis;
  let worker: QueueWorker;
  beforeAll(async () => {
    server = await startRedisServer();
    worker = await startQueueWorker({ url: server.url, concurrency: 1, backend: 'cpu', resolveDataset: async () => views, name: 'here' });
  }, 60_000);
  afterAll(async () => {
    await worker?.close();
    await server?.stop();
  });

  it('gives the local results, including a final unit chosen after CV, and reports jobs and workers', async () => {
    const local = await runExperiment({ views, source, config });
    let id = '';
    const counts: unknown[] = [];
    const queued = await runExperiment({
      views,
      source,
      config,
      scheduler: queueScheduler({ url: server.url, dataset, source, onExperiment: (e) => (id = e), pollMs: 200 }),
      onProgress: (p) => p.jobs && counts.push(p.jobs),
    });
    const scores = (r: typeof local) => r.report.methods.map((m) => m.folds.map((f) => [f.metrics, f.history]));
    expect(scores(queued)).toEqual(scores(local));
    expect(queued.final?.student.id).toBe(local.final?.student.id);
    expect([...queued.final!.student.weights.get([...queued.final!.student.weights.keys()][0]!)!.data]).toEqual([
      ...local.final!.student.weights.get([...local.final!.student.weights.keys()][0]!)!.data,
    ]);
    expect(queued.report.runtime).toEqual({ backend: 'cpu', workers: 1 });
    expect(counts).toContainEqual(expect.objectContaining({ workers: 1 }));
    // Its jobs left Redis with it: only the experiment's own record is left until finishExperiment.
    const redis = new Redis(server.url);
    const left = (await redis.keys(`painkd:*${id}*`)).filter((k) => !k.startsWith(`painkd:experiment:${id}`));
    redis.disconnect();
    expect(left.filter((k) => k.startsWith('painkd:jobs:'))).toEqual([]);
  }, 120_000);

  it('aborts: the experiment is marked aborted and its jobs are removed', async () => {
    const controller = new AbortController();
    let id = '';
    const run = runExperiment({
      views,
      source,
      config: { ...config, training: { ...config.training, epochs: 50, patience: 50 } },
      scheduler: queueScheduler({ url: server.url, dataset, source, onExperiment: (e) => (id = e) }),
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(run).rejects.toMatchObject({ code: 'EXPERIMENT_ABORTED' });
    const redis = new Redis(server.url);
    expect(await redis.hget(`painkd:experiment:${id}`, 'status')).toBe('aborted');
    const waiting = await redis.zrange('painkd:jobs:prioritized', 0, -1);
    redis.disconnect();
    expect(waiting.filter((j) => j.startsWith(id))).toEqual([]);
  }, 120_000);
});
