/**
 * @module Two edge-API replicas (real processes) sharing stream sessions through a real
 * redis-server on loopback: one device's chunks alternate between them and give the predictions
 * of a single in-memory server; an SSE subscriber on one replica gets every prediction in order;
 * two replicas racing for one seq accept it once; a replica killed mid-stream leaves the session
 * to the other; a Redis outage is a 503 on session routes only.
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
}

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

async function post(url: string, device: string, seq: number): Promise<{ status: number; body: { predictions?: Pred[]; nextSeq?: number; error?: { code: string; details?: { expectedSeq?: number } } } }> {
  const res = await postJson(`${url}/v1/streams/${device}/samples`, { seq, sampleRate: rate, samples: chunks[seq] });
  return res as { status: number; body: { predictions?: Pred[] } };
}

beforeAll(async () => {
  redis = await startRedisServer();
  const start = () => spawnServer(['--conditions=@painkd/source', '--import', 'tsx', 'src/main.ts'], { cwd: appDir, env: { EDGE_REDIS_URL: redis.url, EDGE_RUNTIME: 'node' } });
  [single, ...replicas] = await Promise.all([startTestServer(), start(), start()]);
  expected = [];
  for (let seq = 0; seq < chunks.length; seq++) expected.push(...((await post(single.url, 'reference', seq)).body.predictions ?? []));
  expect(expected.length).toBe(11);
}, 120_000);

afterAll(async () => {
  for (const r of replicas ?? []) r.child.kill('SIGKILL');
  await single?.stop();
  await redis?.stop();
});

describe('edge-API replicas sharing sessions through Redis', () => {
  it('serves one device from both replicas, racing, pushing over SSE on one and surviving the other’s death', async () => {
    const [a, b] = replicas as [ServerProcess, ServerProcess];
    // A replica is ready once its Redis connection is up (what a load balancer waits for).
    for (const r of [a, b]) await expect.poll(async () => (await fetch(`${r.url}/v2/health/ready`)).status, { timeout: 10_000 }).toBe(200);
    const device = 'wrist-7';
    const sse = await fetch(`${a.url}/v1/streams/${device}/events`);
    expect(sse.status).toBe(200);
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
    expect((await fetch(`${a.url}/v1/streams/${device}`, { method: 'DELETE' })).status).toBe(204);
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
    const one = await postJson(`${a.url}/predict`, { samples: Array.from(recording.subarray(0, Math.round(5.5 * rate))), sampleRate: rate });
    expect(one.status).toBe(200);
    expect((one.body as { probabilities: number[] }).probabilities).toEqual(expected[0]!.probabilities);
  }, 60_000);
});
