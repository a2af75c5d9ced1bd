import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedisServer, type LocalRedis } from '@painkd/signals/node';
import { ExperimentStore, readExperiment, type ExperimentSpec } from './experiment-store.js';
import { resolveExperimentConfig } from '../experiments/experiment-config.js';

describe('ExperimentStore (real Redis)', () => {
  let server: LocalRedis;
  let redis: Redis;
  beforeAll(async () => {
    server = await startRedisServer();
    redis = new Redis(server.url);
  });
  afterAll(async () => {
    redis?.disconnect();
    await server?.stop();
  });

  const spec: ExperimentSpec = {
    config: resolveExperimentConfig(),
    dataset: { source: 'synthetic', hash: '0123456789abcdef', views: {}, seed: 1 },
    source: { source: 'synthetic', root: 'x' },
    createdAt: '2026-01-01T00:00:00.000Z',
  };

  it('creates once, keeps the first failure only, and reads back what a resumed coordinator needs', async () => {
    const store = new ExperimentStore(redis, 'e1');
    expect(await store.create(spec)).toBe(true);
    expect(await store.create({ ...spec, createdAt: 'later' })).toBe(false);
    expect(await store.status()).toBe('running');
    await store.fail({ job: 'e1.r0f0.teachers', worker: 'w1', error: { message: 'first', code: 'NET_ARCH_UNKNOWN' } });
    await store.fail({ job: 'e1.r0f1.teachers', worker: 'w2', error: { message: 'second' } });
    expect(await readExperiment(server.url, 'e1')).toEqual({ spec, status: 'failed', failure: { job: 'e1.r0f0.teachers', worker: 'w1', error: { message: 'first', code: 'NET_ARCH_UNKNOWN' } } });
    await expect(readExperiment(server.url, 'nope')).rejects.toMatchObject({ code: 'EXPERIMENT_NOT_FOUND' });
  });

  it('stores teacher caches with a TTL, counts done jobs and refusals, and drops it all on finish', async () => {
    const store = new ExperimentStore(redis, 'e2');
    await store.create(spec);
    const cache = { rows: 2, classes: 2, hiddenSize: 1, logits: new Float32Array([1, 2, 3, 4]), hidden: new Float32Array([5, 6]) };
    await store.putCache('r0f0', 'teacher', cache, 60);
    await store.putCache('r0f1', 'teacher', cache, 60);
    expect(await redis.ttl('painkd:experiment:e2:cache:r0f0:teacher')).toBeGreaterThan(50);
    expect((await store.getCache('r0f0', 'teacher'))?.logits).toEqual(cache.logits);
    await store.deleteCaches('r0f0', ['teacher']);
    expect(await store.getCache('r0f0', 'teacher')).toBeUndefined();
    await store.markDone('a');
    await store.markDone('a');
    await store.markDone('b');
    expect(await store.doneCount()).toBe(2);
    await store.refuse('w3', { message: 'other data', code: 'DATASET_MISMATCH' });
    expect(await store.refusals()).toEqual({ w3: { message: 'other data', code: 'DATASET_MISMATCH' } });
    await store.finish(100);
    expect(await store.status()).toBe('done');
    expect(await redis.keys('painkd:experiment:e2:*')).toEqual([]);
    expect(await redis.ttl('painkd:experiment:e2')).toBeGreaterThan(90);
  });
});
