/**
 * @module How long streams live, on a real server with shortened clocks: an NDJSON upload many
 * times longer than the request timeout runs clean to `done`; one that goes quiet ends with an
 * idle-timeout error line and `done`; a shutdown ends open uploads the same way; a non-streamed
 * body that trickles past the request timeout gets a JSON 408. (`npx nx run bench:api-stream`
 * runs one real 6-minute stream, past Node's 300-s default.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNdjson } from './support/ndjson-client.js';
import { rawConnect } from './support/raw-http.js';
import { startTestServer, syntheticWindow, type TestServer } from './support/test-server.js';

const REQUEST_TIMEOUT_MS = 300;
const IDLE_MS = 600;
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ limits: { requestTimeoutMs: REQUEST_TIMEOUT_MS, streamIdleMs: IDLE_MS } });
});
afterAll(async () => {
  await t.stop();
});

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('NDJSON uploads', () => {
  it('run clean to done for many times the request timeout, as long as lines keep coming', async () => {
    const rate = 8;
    const recording = syntheticWindow(rate, 12, 3);
    const up = openNdjson(`${t.url}/predict?sampleRate=${rate}`);
    const started = performance.now();
    for (let seq = 0; seq * 4 < recording.length; seq++) {
      up.write(`${JSON.stringify({ seq, samples: Array.from(recording.subarray(seq * 4, seq * 4 + 4)) })}\n`);
      await sleep(80);
    }
    up.end();
    const lines: { window?: number; done?: boolean; error?: unknown }[] = [];
    for (let line = await up.nextLine(); line !== null; line = await up.nextLine()) lines.push(line as (typeof lines)[number]);
    expect(performance.now() - started).toBeGreaterThan(6 * REQUEST_TIMEOUT_MS);
    expect(lines.filter((l) => l.error !== undefined)).toEqual([]);
    expect(lines.filter((l) => l.window !== undefined).map((l) => l.window)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(lines.at(-1)).toEqual({ done: true, lines: 24, windows: 7, nextSeq: 24 });
  }, 20_000);

  it('end with an idle-timeout error line and done when no line arrives for streamIdleMs', async () => {
    const up = openNdjson(`${t.url}/predict?sampleRate=4`);
    up.write(`${JSON.stringify({ seq: 0, samples: Array.from(syntheticWindow(4)) })}\n{"seq":1,"sam`);
    expect(await up.nextLine()).toMatchObject({ window: 0 });
    const started = performance.now();
    expect(await up.nextLine()).toMatchObject({ error: { code: 'STREAM_IDLE_TIMEOUT', line: 2, details: { idleMs: IDLE_MS } } });
    expect(performance.now() - started).toBeGreaterThan(IDLE_MS - 150);
    expect(await up.nextLine()).toEqual({ done: true, lines: 1, windows: 1, nextSeq: 1, error: 'STREAM_IDLE_TIMEOUT' });
    expect(await up.nextLine()).toBeNull();
  });

  it('end with SHUTTING_DOWN and done when the server stops', async () => {
    const s = await startTestServer();
    const up = openNdjson(`${s.url}/predict?sampleRate=4`);
    up.write(`${JSON.stringify({ seq: 0, samples: Array.from(syntheticWindow(4)) })}\n`);
    expect(await up.nextLine()).toMatchObject({ window: 0 });
    const stopped = s.stop();
    expect(await up.nextLine()).toMatchObject({ error: { code: 'SHUTTING_DOWN' } });
    expect(await up.nextLine()).toMatchObject({ done: true, nextSeq: 1, error: 'SHUTTING_DOWN' });
    await stopped;
  });
});

describe('non-streamed bodies', () => {
  it('get a JSON 408 with Connection: close when the body does not arrive within the request timeout', async () => {
    const c = await rawConnect(t.port);
    c.socket.write('POST /predict HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"samples":[');
    const response = await c.waitForResponse(3000);
    expect(response.status).toBe(408);
    expect(response.headers['connection']).toBe('close');
    expect(JSON.parse(response.body)).toMatchObject({ error: { code: 'REQUEST_TIMEOUT', path: 'body' } });
    c.socket.destroy();
  });
});
