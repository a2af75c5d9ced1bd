import { fileURLToPath } from 'node:url';
import { startRedisServer, type LocalRedis } from '@painkd/signals/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type EdgeApp } from '../../app/create-app.js';
import { loadPredictor } from '../../model/onnx-predictor.js';
import { RedisSessionStore } from '../../sessions/redis/redis-session-store.js';

let redis: LocalRedis;
let edge: EdgeApp;
let store: RedisSessionStore | undefined;
beforeAll(async () => {
  redis = await startRedisServer();
  const predictor = await loadPredictor(fileURLToPath(new URL('../../../model', import.meta.url)), { runtime: 'node' });
  edge = createApp({
    predictor,
    sharedSessions: (limits) => (store = new RedisSessionStore({ url: redis.url, limits, windowSeconds: predictor.info.windowSeconds, hopSeconds: predictor.info.hopSeconds })),
  });
  while (!store!.healthy()) await new Promise((resolve) => setTimeout(resolve, 10));
}, 60_000);
afterAll(async () => {
  edge?.close();
  await edge?.release();
  await redis?.stop();
});

const post = (device: string, body: unknown, type = 'application/json') => edge.app.request(`/v1/streams/${device}/samples`, { method: 'POST', headers: { 'content-type': type }, body: JSON.stringify(body) });

describe('session routes on the Redis store', () => {
  it('answers the predictions of a chunk, keeps the session in Redis, and maps its refusals and media type', async () => {
    const samples = Array.from({ length: 22 }, (_, i) => 4 + 0.01 * i);
    const first = await post('d1', { seq: 0, sampleRate: 4, samples });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ deviceId: 'd1', seq: 0, nextSeq: 1, predictions: [{ window: 0, seq: 0, endSeconds: 5.5 }] });
    expect(store!.size).toBe(1);
    expect(await (await post('d1', { seq: 0, sampleRate: 4, samples })).json()).toMatchObject({ error: { code: 'SEQ_DUPLICATE', details: { expectedSeq: 1 } } });
    expect((await post('d1', { seq: 1, sampleRate: 4, samples }, 'text/plain')).status).toBe(415);
    expect((await edge.app.request('/v2/health/ready')).status).toBe(200);
    expect((await edge.app.request('/v1/streams/d1', { method: 'DELETE' })).status).toBe(204);
    expect(await (await edge.app.request('/v1/streams/d1', { method: 'DELETE' })).json()).toMatchObject({ error: { code: 'SESSION_NOT_FOUND' } });
  });
});
