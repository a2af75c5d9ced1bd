/**
 * @module The one set of session routes on either store — in memory and in a real redis-server — with
 * the same answers: predictions with their quality, `rejected` entries (`rejectFlagged`), SSE
 * events in window order opened with a stream token, metrics, and the same refusals (409, 410,
 * 413, 429, 404) with the same codes, messages and details.
 */
import { fileURLToPath } from 'node:url';
import { startRedisServer, type LocalRedis } from '@painkd/signals/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type CreateAppOptions, type EdgeApp } from '../../app/create-app.js';
import { loadPredictor } from '../../model/onnx-predictor.js';
import type { Predictor } from '../../model/predictor.js';
import { RedisSessionStore } from '../../sessions/redis/redis-session-store.js';

type Kind = 'memory' | 'redis';
const TOKEN = 'api-secret';
const auth = { authorization: `Bearer ${TOKEN}` };

let redis: LocalRedis;
let predictor: Predictor;
const apps = new Map<Kind, EdgeApp>();
/** What each store answered, compared at the end. */
const answers = new Map<Kind, unknown[]>();

beforeAll(async () => {
  redis = await startRedisServer();
  predictor = await loadPredictor(fileURLToPath(new URL('../../../model', import.meta.url)), { runtime: 'node' });
  const { windowSeconds, hopSeconds } = predictor.info;
  const common: CreateAppOptions = { predictor, token: TOKEN, rejectFlagged: true, limits: { maxWindowsPerRequest: 8, maxSessionBufferSamples: 400, maxSubscribersPerSession: 1, sessionIdleMs: 400 } };
  apps.set('memory', createApp(common));
  const shared = createApp({ ...common, sessions: (limits) => new RedisSessionStore({ url: redis.url, limits, windowSeconds, hopSeconds }) });
  apps.set('redis', shared);
  // Ready once its Redis connections are up.
  while ((await shared.app.request('/v2/health/ready')).status !== 200) await new Promise((resolve) => setTimeout(resolve, 10));
}, 60_000);

afterAll(async () => {
  for (const edge of apps.values()) {
    edge.close();
    await edge.release();
  }
  await predictor?.close();
  await redis?.stop();
});

/** A clean 32-Hz GSR trace (µS). */
const clean = (n: number, from = 0): number[] => Array.from({ length: n }, (_, i) => 4 + 0.3 * Math.sin((from + i) / 20) + 0.002 * ((from + i) % 7));

describe.each(['memory', 'redis'] as const)('session routes on the %s store', (kind) => {
  const request = (path: string, init: RequestInit = {}): Promise<Response> => Promise.resolve(apps.get(kind)!.app.request(path, { ...init, headers: { ...auth, ...init.headers } }));
  const post = async (device: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> => {
    const res = await request(`/v1/streams/${device}/samples`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const record = (value: unknown): void => void answers.set(kind, [...(answers.get(kind) ?? []), value]);

  it('answers predictions with their quality and flagged windows as `rejected`, and pushes them in window order to an SSE stream opened with a stream token', async () => {
    const issued = await request('/v1/streams/wrist-1/token', { method: 'POST' });
    expect(issued.status).toBe(200);
    const { eventsUrl } = (await issued.json()) as { eventsUrl: string };
    const sse = await apps.get(kind)!.app.request(eventsUrl);
    expect(sse.status).toBe(200);
    const first = await post('wrist-1', { seq: 0, sampleRate: 32, samples: clean(176) });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ nextSeq: 1, predictions: [{ window: 0, seq: 0, startSeconds: 0, endSeconds: 5.5, quality: { ok: true, flags: [] } }] });
    // 7 s of a flat line (a stuck sensor): every window that reaches into it is flagged and not predicted.
    const flat = await post('wrist-1', { seq: 1, sampleRate: 32, samples: new Array(224).fill(2) });
    expect(flat.status).toBe(200);
    const entries = flat.body['predictions'] as { window: number; rejected?: true; quality: { ok: boolean; flags: string[] } }[];
    expect(entries.map((e) => e.window)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    for (const e of entries) expect(e).toMatchObject({ rejected: true, quality: { ok: false } });
    expect(entries.at(-1)).toEqual({ deviceId: 'wrist-1', window: 7, seq: 1, startSeconds: 7, endSeconds: 12.5, rejected: true, quality: { ok: false, flags: ['FLAT'] } });
    expect((await request('/v1/streams/wrist-1', { method: 'DELETE' })).status).toBe(204);
    const text = await sse.text();
    const pushed = [...text.matchAll(/event: (prediction|rejected)\ndata: (.*)\nid: (\d+)/g)].map((m) => ({ event: m[1], ...(JSON.parse(m[2]!) as object) }));
    expect(pushed).toEqual([...(first.body['predictions'] as object[]).map((p) => ({ event: 'prediction', ...p })), ...entries.map((p) => ({ event: 'rejected', ...p }))]);
    expect(text).toMatch(/event: end\ndata: .*"reason":"deleted"/);
    const metrics = await (await request('/metrics')).text();
    expect(metrics).toMatch(/edge_api_rejected_windows_total\{source="session"\} 7/);
    expect(metrics).toMatch(/edge_api_quality_flags_total\{flag="FLAT"\} [1-9]/);
    record([first.body, flat.body]);
  }, 30_000);

  it('refuses with the documented statuses: 409 seq and rate, 429 buffer and subscribers, 413 windows per chunk, 410 after the idle TTL, 404 on a deleted session', async () => {
    const refusals: unknown[] = [];
    const refuse = async (status: number, device: string, body: unknown): Promise<void> => {
      const res = await post(device, body);
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      refusals.push(res.body);
    };
    await refuse(409, 'wrist-2', { seq: 3, sampleRate: 32, samples: clean(32) });
    expect((await post('wrist-2', { seq: 0, sampleRate: 32, samples: clean(100) })).status).toBe(200);
    await refuse(409, 'wrist-2', { seq: 0, sampleRate: 32, samples: clean(32) });
    await refuse(409, 'wrist-2', { seq: 2, sampleRate: 32, samples: clean(32) });
    await refuse(409, 'wrist-2', { seq: 1, sampleRate: 64, samples: clean(32) });
    await refuse(429, 'wrist-2', { seq: 1, sampleRate: 32, samples: clean(301) });
    // At 4 Hz, 54 samples complete 9 windows of 22 samples every 4: more than 8 per chunk.
    await refuse(413, 'wrist-3', { seq: 0, sampleRate: 4, samples: clean(54) });
    const events = await request('/v1/streams/wrist-2/events');
    expect(events.status).toBe(200);
    const second = await request('/v1/streams/wrist-2/events');
    expect(second.status).toBe(429);
    refusals.push(await second.json());
    await events.body?.cancel();
    expect((await post('wrist-4', { seq: 0, sampleRate: 32, samples: clean(32) })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await refuse(410, 'wrist-4', { seq: 1, sampleRate: 32, samples: clean(32) });
    expect((await post('wrist-4', { seq: 0, sampleRate: 32, samples: clean(32) })).status).toBe(200);
    expect((await request('/v1/streams/wrist-4', { method: 'DELETE' })).status).toBe(204);
    const gone = await request('/v1/streams/wrist-4', { method: 'DELETE' });
    expect(gone.status).toBe(404);
    refusals.push(await gone.json());
    record(refusals);
  }, 30_000);
});

describe('both stores', () => {
  it('gave the same answers and the same refusals', () => {
    expect(answers.get('redis')).toHaveLength(2);
    expect(answers.get('redis')).toEqual(answers.get('memory'));
  });
});
