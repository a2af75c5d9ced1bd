/**
 * @module SSE events of one device stay in window order when its chunks are posted concurrently
 * and their predictions finish out of order — here on two inference worker threads, with
 * pipelined posts whose first chunk completes many windows and whose second completes one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkerEngine } from '../src/model/worker-engine.js';
import { rawConnect } from './support/raw-http.js';
import { MODEL_DIR, startTestServer, syntheticWindow, type TestServer } from './support/test-server.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ engine: await WorkerEngine.start(2, MODEL_DIR, { runtime: 'node' }) });
});
afterAll(async () => {
  await t.stop();
});

function post(device: string, seq: number, samples: Float32Array): string {
  const body = JSON.stringify({ seq, sampleRate: 32, samples: Array.from(samples) });
  return `POST /v1/streams/${device}/samples HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

describe('SSE event order', () => {
  it('is window order for concurrent posts on worker threads', async () => {
    const device = 'ordered-1';
    const events = await fetch(`${t.url}/v1/streams/${device}/events`);
    const recording = syntheticWindow(32, 400, 11);
    let offset = 0;
    let seq = 0;
    let answered = 0;
    for (let round = 0; round < 8; round++) {
      const big = recording.subarray(offset, offset + (round === 0 ? 176 + 32 * 30 : 32 * 30));
      const small = recording.subarray(offset + big.length, offset + big.length + 32);
      offset += big.length + small.length;
      const c = await rawConnect(t.port);
      c.socket.write(post(device, seq++, big) + post(device, seq++, small));
      const responses = await c.waitForResponses(2, 10_000);
      c.socket.destroy();
      expect(responses.map((r) => r.status)).toEqual([200, 200]);
      answered += responses.reduce((n, r) => n + (JSON.parse(r.body) as { predictions: unknown[] }).predictions.length, 0);
    }
    expect((await fetch(`${t.url}/v1/streams/${device}`, { method: 'DELETE' })).status).toBe(204);
    const ids = [...(await events.text()).matchAll(/event: prediction\ndata: .*\nid: (\d+)/g)].map((m) => Number(m[1]));
    expect(ids.length).toBe(answered);
    expect(ids).toEqual(ids.map((_, i) => i));
  }, 60_000);
});
