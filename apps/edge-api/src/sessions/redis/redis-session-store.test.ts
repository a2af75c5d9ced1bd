/**
 * Two RedisSessionStores on one real redis-server stand for two replicas: the windows they cut
 * together equal one in-memory windower's, a seq is accepted once, the bounds hold across both,
 * and events reach a subscriber on the other one in seq order.
 */
import { Redis } from 'ioredis';
import { mulberry32 } from '@painkd/signals';
import { startRedisServer, type LocalRedis } from '@painkd/signals/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, type ApiLimits } from '../../config/limits.js';
import { createSampleWindowStream } from '../../streaming/sample-window-stream.js';
import type { SessionEvent } from '../session-store.js';
import { QueueSubscriber } from '../sse-subscriber.js';
import { RedisSessionStore } from './redis-session-store.js';

let server: LocalRedis;
const stores: RedisSessionStore[] = [];
beforeAll(async () => {
  server = await startRedisServer();
});
afterEach(async () => {
  const open = stores.splice(0);
  for (const s of open) s.closeAll();
  await Promise.all(open.map((s) => s.release()));
});
afterAll(async () => {
  await server?.stop();
});

async function replicas(limits: Partial<ApiLimits> = {}, geometry = { windowSeconds: 5.5, hopSeconds: 1 }, url = server.url): Promise<[RedisSessionStore, RedisSessionStore]> {
  const make = (): RedisSessionStore => new RedisSessionStore({ url, limits: { ...DEFAULT_LIMITS, ...limits }, ...geometry, publishDeadlineMs: 300, heartbeatMs: 100 });
  const pair: [RedisSessionStore, RedisSessionStore] = [make(), make()];
  stores.push(...pair);
  while (!pair.every((s) => s.healthy())) await new Promise((resolve) => setTimeout(resolve, 10));
  return pair;
}

let device = 0;
const nextDevice = (): string => `dev-${process.pid}-${device++}`;

async function events(sub: QueueSubscriber, count: number): Promise<SessionEvent[]> {
  const out: SessionEvent[] = [];
  while (out.length < count) {
    const e = await sub.next(3000);
    if (e === null || e === 'timeout') throw new Error(`got ${out.length} of ${count} events`);
    out.push(e);
  }
  return out;
}

describe('RedisSessionStore (two replicas, one Redis)', () => {
  it('cuts the windows one in-memory windower cuts, whichever replica takes each chunk', async () => {
    const pair = await replicas();
    for (const [rate, geometry] of [
      [4, { windowSeconds: 5.5, hopSeconds: 1 }],
      [512, { windowSeconds: 5.5, hopSeconds: 1 }],
      [8, { windowSeconds: 2, hopSeconds: 3 }],
    ] as const) {
      const [a, b] = geometry.hopSeconds === 1 ? pair : await replicas({}, geometry);
      const reference = createSampleWindowStream(rate, geometry.windowSeconds, geometry.hopSeconds);
      const id = nextDevice();
      const rand = mulberry32(rate);
      const recording = Float32Array.from({ length: rate * 14 }, (_, i) => (i % 97 === 5 ? Number.NaN : 4 + Math.sin(i / 7) + rand()));
      for (let at = 0, seq = 0; at < recording.length; seq++) {
        const chunk = recording.subarray(at, Math.min(recording.length, at + 1 + Math.floor(rand() * rate * 2)));
        at += chunk.length;
        const got = await (seq % 2 === 0 ? a : b).append(id, { seq, sampleRate: rate, samples: chunk });
        await got.publish(Promise.resolve([]));
        const want = reference.push(seq, chunk);
        expect(got.windows.map((w) => [w.index, w.seq, w.startSeconds, w.endSeconds])).toEqual(want.map((w) => [w.index, w.seq, w.startSeconds, w.endSeconds]));
        got.windows.forEach((w, i) => expect(new Uint32Array(w.samples.buffer)).toEqual(new Uint32Array(Float32Array.from(want[i]!.samples).buffer)));
        expect([got.nextSeq, got.bufferedSamples]).toEqual([reference.nextSeq, reference.bufferedSamples]);
      }
    }
  });

  it('accepts a seq once when two replicas race for it, and says what to send next', async () => {
    const [a, b] = await replicas();
    const id = nextDevice();
    await (await a.append(id, { seq: 0, sampleRate: 4, samples: new Float32Array(4) })).publish(Promise.resolve([]));
    for (let round = 1; round <= 20; round++) {
      const results = await Promise.allSettled([a, b].map((s) => s.append(id, { seq: round, sampleRate: 4, samples: new Float32Array(2) })));
      const accepted = results.filter((r) => r.status === 'fulfilled');
      expect(accepted).toHaveLength(1);
      await (accepted[0] as PromiseFulfilledResult<Awaited<ReturnType<RedisSessionStore['append']>>>).value.publish(Promise.resolve([]));
      expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'SEQ_DUPLICATE', status: 409, details: { expectedSeq: round + 1 } } });
    }
    await expect(b.append(id, { seq: 30, sampleRate: 4, samples: new Float32Array(1) })).rejects.toMatchObject({ code: 'SEQ_GAP', details: { expectedSeq: 21 } });
    await expect(b.append(id, { seq: 21, sampleRate: 8, samples: new Float32Array(1) })).rejects.toMatchObject({ code: 'SAMPLE_RATE_CHANGED', details: { sampleRate: 4 } });
    await expect(b.append(nextDevice(), { seq: 3, sampleRate: 4, samples: new Float32Array(1) })).rejects.toMatchObject({ code: 'SEQ_GAP', message: 'a new session must start at seq 0, got 3' });
  });

  it('holds the session, buffer, windows-per-chunk and subscriber bounds across the fleet, and expires idle sessions with a 410', async () => {
    // A Redis of its own: the session count is the fleet's, and other tests' sessions would count.
    const own = await startRedisServer();
    const [a, b] = await replicas({ maxSessions: 2, maxSessionBufferSamples: 30, maxSubscribersPerSession: 2, sessionIdleMs: 400, maxWindowsPerRequest: 2 }, undefined, own.url);
    const [d1, d2, d3] = [nextDevice(), nextDevice(), nextDevice()];
    await (await a.append(d1, { seq: 0, sampleRate: 4, samples: new Float32Array(20) })).publish(Promise.resolve([]));
    await (await b.append(d2, { seq: 0, sampleRate: 4, samples: new Float32Array(4) })).publish(Promise.resolve([]));
    await expect(b.append(d3, { seq: 0, sampleRate: 4, samples: new Float32Array(4) })).rejects.toMatchObject({ code: 'SESSION_LIMIT', status: 429 });
    await expect(b.append(d1, { seq: 1, sampleRate: 4, samples: new Float32Array(11) })).rejects.toMatchObject({ code: 'SESSION_BUFFER_FULL', details: { expectedSeq: 1 } });
    // d1 holds 20 samples: 10 more complete 3 windows of 22 every 4.
    await expect(a.append(d1, { seq: 1, sampleRate: 4, samples: new Float32Array(10) })).rejects.toMatchObject({ code: 'CHUNK_TOO_LARGE', status: 413, details: { windows: 3, limit: 2 } });
    await a.subscribe(d2, new QueueSubscriber(8));
    await b.subscribe(d2, new QueueSubscriber(8));
    await expect(a.subscribe(d2, new QueueSubscriber(8))).rejects.toMatchObject({ code: 'SUBSCRIBER_LIMIT' });
    await new Promise((resolve) => setTimeout(resolve, 700));
    // d1 had no subscriber and expired; d2 is kept alive by its subscribers.
    await expect(a.append(d1, { seq: 1, sampleRate: 4, samples: new Float32Array(1) })).rejects.toMatchObject({ code: 'SESSION_EXPIRED', status: 410 });
    await expect(a.append(d2, { seq: 1, sampleRate: 4, samples: new Float32Array(1) })).resolves.toMatchObject({ nextSeq: 2 });
    for (const s of [a, b]) s.closeAll();
    await Promise.all([a, b].map((s) => s.release()));
    await own.stop();
  });

  it('publishes each chunk’s events to subscribers on any replica in seq order, skips a chunk whose replica died, and ends on delete', async () => {
    const [a, b] = await replicas();
    const id = nextDevice();
    const sub = new QueueSubscriber(64);
    await b.subscribe(id, sub);
    const chunk = (seq: number) => a.append(id, { seq, sampleRate: 4, samples: new Float32Array(seq === 0 ? 22 : 4) });
    const event = (n: number): SessionEvent => ({ event: 'prediction', id: String(n), data: { n } });
    const [c0, c1, c2] = [await chunk(0), await chunk(1), await chunk(2)];
    // Chunk 2's predictions finish first; chunk 0's fail (its place is given up, and publish does not reject).
    await c2.publish(Promise.resolve([event(2)]));
    await c1.publish(Promise.resolve([event(1)]));
    await expect(c0.publish(Promise.reject(new Error('inference failed')))).resolves.toBeUndefined();
    expect((await events(sub, 2)).map((e) => e.id)).toEqual(['1', '2']);
    // Chunk 3 is accepted by a replica that dies before publishing: chunk 4 still arrives, after the deadline.
    await chunk(3);
    await (await chunk(4)).publish(Promise.resolve([event(4)]));
    expect((await events(sub, 1)).map((e) => e.id)).toEqual(['4']);
    expect(await a.delete(id)).toBe(true);
    expect((await events(sub, 1))[0]).toMatchObject({ event: 'end', data: { deviceId: id, reason: 'deleted' } });
    expect(await sub.next(100)).toBeNull();
    expect(await b.delete(id)).toBe(false);
  });

  it('leaves no trace of a refused first chunk, and never publishes a deleted session’s events into its successor', async () => {
    const [a, b] = await replicas({ maxWindowsPerRequest: 2 });
    const raw = new Redis(server.url);
    try {
      const refused = nextDevice();
      await expect(a.append(refused, { seq: 0, sampleRate: 4, samples: new Float32Array(40) })).rejects.toMatchObject({ code: 'CHUNK_TOO_LARGE' });
      expect(await raw.keys(`painkd:session:{${refused}}*`)).toEqual([]);
      expect(await raw.zscore('painkd:sessions', refused)).toBeNull();
    } finally {
      raw.disconnect();
    }
    const id = nextDevice();
    const stale = await a.append(id, { seq: 0, sampleRate: 4, samples: new Float32Array(22) });
    expect(await b.delete(id)).toBe(true);
    const sub = new QueueSubscriber(8);
    await b.subscribe(id, sub);
    const fresh = await a.append(id, { seq: 0, sampleRate: 4, samples: new Float32Array(22) });
    await stale.publish(Promise.resolve([{ event: 'prediction', id: '0', data: 'stale' }]));
    await fresh.publish(Promise.resolve([{ event: 'prediction', id: '0', data: 'fresh' }]));
    expect((await events(sub, 1)).map((e) => e.data)).toEqual(['fresh']);
    expect(await sub.next(200)).toBe('timeout');
  });

  it('answers 503 SESSIONS_UNAVAILABLE and turns unhealthy while Redis is down', async () => {
    const own = await startRedisServer();
    const store = new RedisSessionStore({ url: own.url, limits: DEFAULT_LIMITS, windowSeconds: 5.5, hopSeconds: 1 });
    stores.push(store);
    while (!store.healthy()) await new Promise((resolve) => setTimeout(resolve, 10));
    await own.stop();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(store.healthy()).toBe(false);
    await expect(store.append('d', { seq: 0, sampleRate: 4, samples: new Float32Array(4) })).rejects.toMatchObject({
      code: 'SESSIONS_UNAVAILABLE',
      status: 503,
      message: expect.stringContaining(`the session store (Redis at 127.0.0.1:${own.port}) is unavailable`),
    });
  });
});
