/**
 * @module Two edge-API replicas (real processes) sharing stream sessions through a real
 * redis-server on loopback: one device's chunks alternate between them and give the predictions
 * (with their quality) of a single in-memory server; an SSE subscriber on one replica, opened with
 * a stream token the other issued, gets every prediction in order; a flagged window carries its
 * flags through Redis and is counted; two replicas racing for one seq accept it once; a replica
 * killed mid-stream leaves the session to the other; a Redis outage is a 503 on session routes only.
 */
import { fileURLToPath } from 'node:url';
import { mulberry32 } from '@painkd/signals';
import { startRedisServer, type LocalRedis } from '@painkd/signals/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnServer, type ServerProcess } from './support/spawn-server.js';
import { postJson, startTestServer, syntheticWindow, type TestServer } from './support/test-server.js';

interface Pred {
  readonly window: number;
  readonly seq: number;
  readonly endSeconds: number;
  readonly level: number;
  readonly probabilities: number[];
  readonly quality: { readonly ok: boolean; readonly flags: string[] };
}

const TOKEN = 'replica-secret';
const auth = { authorization: `Bearer ${TOKEN}` };

const appDir = fileURLToPath(new URL('..', import.meta.url));
const rate = 64;
const recording = syntheticWindow(rate, 16, 77);
/** The recording in chunks of random sizes (1–150 samples). */
const chunks: number[][] = [];
for (let at = 0, rand = mulberry32(77); at < recording.length; ) {
  const n = 1 + Math.floor(rand() * 150);
  chunks.push(Array.from(recording.subarray(at, at + n)));
  at += n;
}

let redis: LocalRedis;
let single: TestServer;
let replicas: ServerProcess[];
let expected: Pred[];

type Answer = { status: number; body: { predictions?: Pred[]; nextSeq?: number; error?: { code: string; details?: { expectedSeq?: number } } } };

async function post(url: string, device: string, seq: number, samples: readonly number[] = chunks[seq]!): Promise<Answer> {
  return (await postJson(`${url}/v1/streams/${device}/samples`, { seq, sampleRate: rate, samples }, auth)) as Answer;
}

/** Opens `device`'s events on `on` with a stream token issued by `issuer` (as a browser would). */
async function openEvents(issuer: string, on: string, device: string): Promise<Response> {
  const issued = await postJson(`${issuer}/v1/streams/${device}/token`, {}, auth);
  expect(issued.status).toBe(200);
  const sse = await fetch(`${on}${(issued.body as { eventsUrl: string }).eventsUrl}`);
  expect(sse.status).toBe(200);
  return sse;
}

beforeAll(async () => {
  redis = await startRedisServer();
  const start = () => spawnServer(['--conditions=@painkd/source', '--import', 'tsx', 'src/main.ts'], { cwd: appDir, env: { EDGE_REDIS_URL: redis.url, EDGE_RUNTIME: 'node', EDGE_API_TOKEN: TOKEN } });
  [single, ...replicas] = await Promise.all([startTestServer(), start(), start()]);
  expected = [];
  for (let seq = 0; seq < chunks.length; seq++) expected.push(...((await post(single.url, 'reference', seq)).body.predictions ?? []));
  expect(expected.length).toBe(11);
  expect(expected.every((p) => p.quality.ok)).toBe(true);
  // A replica is ready once its Redis connection is up (what a load balancer waits for).
  for (const r of replicas) {
    for (let t = 0; (await fetch(`${r.url}/v2/health/ready`)).status !== 200; t++) {
      if (t > 500) throw new Error(`${r.url} never became ready:\n${r.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}, 120_000);

afterAll(async () => {
  for (const r of replicas ?? []) r.child.kill('SIGKILL');
  await single?.stop();
  await redis?.stop();
});

describe('edge-API replicas sharing sessions through Redis', () => {
  it('carries quality flags through Redis and opens SSE on one replica with a stream token issued by the other', async () => {
    const [a, b] = replicas as [ServerProcess, ServerProcess];
    const device = 'wrist-flat';
    // The API token itself is refused in a URL, on every replica.
    expect((await fetch(`${a.url}/v1/streams/${device}/events?access_token=${TOKEN}`)).status).toBe(401);
    const sse = await openEvents(b.url, a.url, device);
    // 5.5 s of a flat line at 2 µS (a stuck sensor), posted to b.
    const flat = new Array<number>(Math.round(5.5 * rate)).fill(2);
    const res = await post(b.url, device, 0, flat);
    expect(res.status).toBe(200);
    const [prediction] = res.body.predictions!;
    expect(prediction).toMatchObject({ window: 0, quality: { ok: false, flags: ['FLAT'] } });
    expect(prediction).toEqual({ ...(await post(single.url, device, 0, flat)).body.predictions![0], deviceId: device });
    expect((await fetch(`${b.url}/v1/streams/${device}`, { method: 'DELETE', headers: auth })).status).toBe(204);
    const text = await sse.text();
    expect([...text.matchAll(/event: prediction\ndata: (.*)\nid: 0/g)].map((m) => JSON.parse(m[1]!) as Pred)).toEqual([prediction]);
    expect(await (await fetch(`${b.url}/metrics`, { headers: auth })).text()).toMatch(/edge_api_quality_flags_total\{flag="FLAT"\} 1/);
  }, 60_000);

  it('serves one device from both replicas, racing, pushing over SSE on one and surviving the other’s death', async () => {
    const [a, b] = replicas as [ServerProcess, ServerProcess];
    const device = 'wrist-7';
    const sse = await openEvents(a.url, a.url, device);
    const answered: Pred[] = [];
    const half = Math.floor(chunks.length / 2);
    for (let seq = 0; seq < half; seq++) {
      const res = await post(seq % 2 === 0 ? a.url : b.url, device, seq);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.nextSeq).toBe(seq + 1);
      answered.push(...res.body.predictions!);
    }
    // Both replicas get the same seq at once: exactly one accepts it.
    const race = await Promise.all([post(a.url, device, half), post(b.url, device, half)]);
    expect(race.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(race.find((r) => r.status === 409)!.body.error).toMatchObject({ code: 'SEQ_DUPLICATE', details: { expectedSeq: half + 1 } });
    answered.push(...race.find((r) => r.status === 200)!.body.predictions!);
    // Replica b dies mid-stream; a continues the session where it stands.
    b.child.kill('SIGKILL');
    for (let seq = half + 1; seq < chunks.length; seq++) {
      const res = await post(a.url, device, seq);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      answered.push(...res.body.predictions!);
    }
    expect(answered).toEqual(expected.map((p) => ({ ...p, deviceId: device })));
    expect((await fetch(`${a.url}/v1/streams/${device}`, { method: 'DELETE', headers: auth })).status).toBe(204);
    const text = await sse.text();
    const pushed = [...text.matchAll(/event: prediction\ndata: (.*)\nid: (\d+)/g)].map((m) => JSON.parse(m[1]!) as Pred);
    expect(pushed).toEqual(answered);
    expect(text).toMatch(/event: end\ndata: .*"reason":"deleted"/);
  }, 120_000);

  it('answers 503 on session routes while Redis is down; /predict keeps working and readiness says so', async () => {
    const a = replicas[0]!;
    await redis.stop();
    const session = await post(a.url, 'wrist-8', 0);
    expect(session.status).toBe(503);
    expect(session.body.error).toMatchObject({ code: 'SESSIONS_UNAVAILABLE' });
    expect((await fetch(`${a.url}/v2/health/ready`)).status).toBe(503);
    const events = await fetch(`${a.url}/v1/streams/wrist-8/events`, { headers: auth });
    expect(events.status).toBe(503);
    expect(await events.json()).toMatchObject({ error: { code: 'SESSIONS_UNAVAILABLE' } });
    expect((await fetch(`${a.url}/v1/streams/wrist-8`, { method: 'DELETE', headers: auth })).status).toBe(503);
    const one = await postJson(`${a.url}/predict`, { samples: Array.from(recording.subarray(0, Math.round(5.5 * rate))), sampleRate: rate }, auth);
    expect(one.status).toBe(200);
    expect((one.body as { probabilities: number[] }).probabilities).toEqual(expected[0]!.probabilities);
  }, 60_000);
});
