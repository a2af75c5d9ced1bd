/**
 * @module Streaming on a real server: NDJSON into POST /predict and session chunks, in random
 * sizes, give exactly the predictions POST /predict gives on the same windows; predictions arrive
 * before the upload ends; bad lines, gaps, duplicates and rate changes are reported as specified.
 */
import { mulberry32 } from '@painkd/signals';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNdjson } from './support/ndjson-client.js';
import { postJson, startTestServer, syntheticWindow, type TestServer } from './support/test-server.js';

interface Pred {
  window: number;
  seq: number;
  endSeconds: number;
  level: number;
  probabilities: number[];
}

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.stop();
});

/** Splits `x` into chunks of random sizes 1…maxChunk. */
function randomChunks(x: Float32Array, seed: number, maxChunk: number): Float32Array[] {
  const rand = mulberry32(seed);
  const out: Float32Array[] = [];
  for (let i = 0; i < x.length; ) {
    const n = 1 + Math.floor(rand() * maxChunk);
    out.push(x.subarray(i, i + n));
    i += n;
  }
  return out;
}

async function expectedFor(recording: Float32Array, rate: number): Promise<number[][]> {
  const w = Math.round(5.5 * rate);
  const hop = Math.round(1 * rate);
  const out: number[][] = [];
  for (let start = 0; start + w <= recording.length; start += hop) {
    const res = await postJson(`${t.url}/predict`, { samples: Array.from(recording.subarray(start, start + w)), sampleRate: rate });
    expect(res.status).toBe(200);
    out.push((res.body as { probabilities: number[] }).probabilities);
  }
  return out;
}

describe('NDJSON streaming into POST /predict', () => {
  it('gives the same predictions as POST /predict on each window, for random chunk sizes', async () => {
    for (const [rate, seed] of [[512, 11], [4, 12]] as const) {
      const recording = syntheticWindow(rate, 9.3, seed);
      const expected = await expectedFor(recording, rate);
      expect(expected.length).toBe(4);
      const whole = await postJson(`${t.url}/predict`, { samples: Array.from(recording), sampleRate: rate });
      expect((whole.body as { windows: Pred[] }).windows.map((w) => w.probabilities)).toEqual(expected);
      const up = openNdjson(`${t.url}/predict?sampleRate=${rate}`);
      const chunks = randomChunks(recording, seed, rate === 4 ? 5 : 700);
      chunks.forEach((c, seq) => up.write(`${JSON.stringify({ seq, samples: Array.from(c) })}\n`));
      up.end();
      expect(await up.status).toBe(200);
      const got: Pred[] = [];
      for (let line = await up.nextLine(); line !== null; line = await up.nextLine()) {
        if ((line as { done?: boolean }).done) {
          expect(line).toMatchObject({ done: true, lines: chunks.length, windows: expected.length, nextSeq: chunks.length });
          continue;
        }
        got.push(line as Pred);
      }
      expect(got.map((p) => p.window)).toEqual(expected.map((_, i) => i));
      expect(got.map((p) => p.probabilities)).toEqual(expected);
      expect(got.map((p) => p.endSeconds)).toEqual(expected.map((_, i) => (Math.round(5.5 * rate) + i * rate) / rate));
    }
  });

  it('sends a prediction while the upload is still open', async () => {
    const rate = 64;
    const recording = syntheticWindow(rate, 8, 21);
    const up = openNdjson(`${t.url}/predict?sampleRate=${rate}`);
    up.write(`${JSON.stringify({ seq: 0, samples: Array.from(recording.subarray(0, 352)) })}\n`);
    const first = (await up.nextLine()) as Pred;
    expect(first).toMatchObject({ window: 0, seq: 0 });
    expect(up.request.writableEnded).toBe(false);
    up.write(`${JSON.stringify({ seq: 1, samples: Array.from(recording.subarray(352, 352 + 64)) })}\n`);
    const second = (await up.nextLine()) as Pred;
    expect(second).toMatchObject({ window: 1, seq: 1 });
    expect(up.request.writableEnded).toBe(false);
    up.end();
    expect(await up.nextLine()).toMatchObject({ done: true, windows: 2 });
  });

  it('ends with an error line naming the bad line, then done; earlier predictions stand', async () => {
    const rate = 4;
    const recording = syntheticWindow(rate, 8, 31);
    const bad = [
      ['{"seq":1,"samples":[1,2', 'MALFORMED_JSON'],
      ['{"seq":1,"samples":[1,"x"]}', 'INVALID_SAMPLES'],
      ['{"seq":5,"samples":[1]}', 'SEQ_GAP'],
      ['{"seq":0,"samples":[1]}', 'SEQ_DUPLICATE'],
      ['[1,2,3]', 'BAD_REQUEST'],
    ] as const;
    for (const [line, code] of bad) {
      const up = openNdjson(`${t.url}/predict?sampleRate=${rate}`);
      up.write(`${JSON.stringify({ seq: 0, samples: Array.from(recording.subarray(0, 24)) })}\n`);
      const first = (await up.nextLine()) as Pred;
      expect(first.window).toBe(0);
      up.write(`\n${line}\n`);
      up.end();
      const err = (await up.nextLine()) as { error: { code: string; line: number; path: string } };
      expect(err, code).not.toBeNull();
      expect(err.error.code).toBe(code);
      expect(err.error.line).toBe(3);
      expect(err.error.path.startsWith('line 3')).toBe(true);
      expect(await up.nextLine()).toMatchObject({ done: true, lines: 3, windows: 1, nextSeq: 1, error: code });
      expect(await up.nextLine()).toBeNull();
    }
  });

  it('rejects a missing or bad sampleRate before streaming', async () => {
    const res = await fetch(`${t.url}/predict?sampleRate=5000`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body: '' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'INVALID_SAMPLE_RATE', path: 'query.sampleRate' } });
  });
});

describe('streaming sessions', () => {
  it('returns and pushes (SSE) the same predictions as POST /predict, for random chunk sizes', async () => {
    const rate = 128;
    const recording = syntheticWindow(rate, 8.4, 41);
    const expected = await expectedFor(recording, rate);
    const device = 'wearable-41';
    const events = await fetch(`${t.url}/v1/streams/${device}/events`);
    expect(events.status).toBe(200);
    expect(events.headers.get('content-type')).toContain('text/event-stream');
    const got: Pred[] = [];
    const chunks = randomChunks(recording, 41, 300);
    for (let seq = 0; seq < chunks.length; seq++) {
      const res = await postJson(`${t.url}/v1/streams/${device}/samples`, { seq, sampleRate: rate, samples: Array.from(chunks[seq] as Float32Array) });
      expect(res.status).toBe(200);
      const body = res.body as { predictions: Pred[]; nextSeq: number };
      expect(body.nextSeq).toBe(seq + 1);
      got.push(...body.predictions);
    }
    expect(got.map((p) => p.probabilities)).toEqual(expected);
    expect((await fetch(`${t.url}/v1/streams/${device}`, { method: 'DELETE' })).status).toBe(204);
    const text = await events.text();
    const pushed = [...text.matchAll(/event: prediction\ndata: (.*)\nid: (\d+)/g)].map((m) => JSON.parse(m[1] as string) as Pred);
    expect(pushed.map((p) => p.probabilities)).toEqual(expected);
    expect(text).toContain('event: end');
  });

  it('answers 409 with the expected seq on a gap, a duplicate or a rate change, and keeps the session', async () => {
    const device = 'dev-409';
    const chunk = Array.from(syntheticWindow(4, 2));
    const post = (seq: number, sampleRate = 4) => postJson(`${t.url}/v1/streams/${device}/samples`, { seq, sampleRate, samples: chunk });
    expect((await post(3)).body).toMatchObject({ error: { code: 'SEQ_GAP', details: { expectedSeq: 0 } } });
    expect((await post(0)).status).toBe(200);
    expect((await post(1)).status).toBe(200);
    const gap = await post(3);
    expect(gap.status).toBe(409);
    expect(gap.body).toMatchObject({ error: { code: 'SEQ_GAP', path: 'seq', details: { expectedSeq: 2, receivedSeq: 3 } } });
    const dup = await post(1);
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({ error: { code: 'SEQ_DUPLICATE', details: { expectedSeq: 2 } } });
    const rate = await post(2, 8);
    expect(rate.status).toBe(409);
    expect(rate.body).toMatchObject({ error: { code: 'SAMPLE_RATE_CHANGED', path: 'sampleRate', details: { expectedSeq: 2, sampleRate: 4 } } });
    expect((await post(2)).status).toBe(200);
    expect((await fetch(`${t.url}/v1/streams/${device}`, { method: 'DELETE' })).status).toBe(204);
    expect((await fetch(`${t.url}/v1/streams/${device}`, { method: 'DELETE' })).status).toBe(404);
  });
});

describe('session bounds', () => {
  it('answers 429 past the session count, buffer and subscriber bounds, 413 for an oversized chunk, 410 after the idle TTL', async () => {
    let now = 0;
    const b = await startTestServer({
      limits: { maxSessions: 2, sessionIdleMs: 1000, maxSubscribersPerSession: 1, maxSessionBufferSamples: 100, maxChunkSamples: 1000 },
      now: () => now,
    });
    try {
      const post = (device: string, seq: number, n = 10) =>
        postJson(`${b.url}/v1/streams/${device}/samples`, { seq, sampleRate: 4, samples: Array.from({ length: n }, () => 1) });
      expect((await post('a', 0)).status).toBe(200);
      expect((await post('b', 0)).status).toBe(200);
      const full = await post('c', 0);
      expect(full.status).toBe(429);
      expect(full.body).toMatchObject({ error: { code: 'SESSION_LIMIT', details: { limit: 2 } } });
      const big = await post('a', 1, 200);
      expect(big.status).toBe(429);
      expect(big.body).toMatchObject({ error: { code: 'SESSION_BUFFER_FULL' } });
      const oversized = await post('a', 1, 1001);
      expect(oversized.status).toBe(413);
      expect(oversized.body).toMatchObject({ error: { code: 'CHUNK_TOO_LARGE', path: 'samples', details: { limit: 1000, length: 1001 } } });
      const sse = await fetch(`${b.url}/v1/streams/a/events`);
      expect(sse.status).toBe(200);
      const second = await fetch(`${b.url}/v1/streams/a/events`);
      expect(second.status).toBe(429);
      expect(await second.json()).toMatchObject({ error: { code: 'SUBSCRIBER_LIMIT' } });
      await sse.body?.cancel();
      expect((await fetch(`${b.url}/v1/streams/a`, { method: 'DELETE' })).status).toBe(204);
      now = 5000;
      const expired = await post('b', 1);
      expect(expired.status).toBe(410);
      expect(expired.body).toMatchObject({ error: { code: 'SESSION_EXPIRED', details: { expectedSeq: 0 } } });
      expect((await post('b', 0)).status).toBe(200);
      expect((await post('c', 0)).status).toBe(200);
    } finally {
      await b.stop();
    }
  });
});

describe('open stream bound', () => {
  it('answers 429 STREAM_LIMIT past the open NDJSON uploads bound, and frees the slot when one ends', async () => {
    const b = await startTestServer({ limits: { maxOpenStreams: 1 } });
    try {
      const first = openNdjson(`${b.url}/predict?sampleRate=4`);
      first.write('{"seq":0,"samples":[1,2]}\n');
      expect(await first.status).toBe(200);
      const second = await fetch(`${b.url}/predict?sampleRate=4`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body: '{"seq":0,"samples":[1]}\n' });
      expect(second.status).toBe(429);
      expect(await second.json()).toMatchObject({ error: { code: 'STREAM_LIMIT', details: { limit: 1 } } });
      first.end();
      expect(await first.nextLine()).toMatchObject({ done: true, lines: 1 });
      const third = await fetch(`${b.url}/predict?sampleRate=4`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body: '{"seq":0,"samples":[1]}\n' });
      expect(third.status).toBe(200);
      expect(await third.text()).toContain('"done":true');
    } finally {
      await b.stop();
    }
  });
});

describe('clients that vanish', () => {
  it('survives uploads and subscribers that disconnect mid-stream', async () => {
    for (let i = 0; i < 5; i++) {
      const up = openNdjson(`${t.url}/predict?sampleRate=4`);
      up.write(`${JSON.stringify({ seq: 0, samples: Array.from(syntheticWindow(4)) })}\n{"seq":1,"samp`);
      await up.nextLine();
      up.request.destroy();
      const controller = new AbortController();
      const sse = await fetch(`${t.url}/v1/streams/vanish-${i}/events`, { signal: controller.signal });
      expect(sse.status).toBe(200);
      controller.abort();
    }
    await new Promise((r) => setTimeout(r, 100));
    expect((await fetch(`${t.url}/v2/health/live`)).status).toBe(200);
    const metrics = await (await fetch(`${t.url}/metrics`)).text();
    expect(metrics).toMatch(/edge_api_active_streams 0/);
    expect(metrics).not.toMatch(/status="5\d\d"/);
  });
});
