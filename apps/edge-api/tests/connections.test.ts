/**
 * @module Connections on a real server: early rejects close their connection cleanly
 * (`Connection: close`, then a lingering close instead of a reset), so 1,000 mixed valid and
 * oversized requests over pooled keep-alive connections from Node's fetch see no reset; protocol
 * errors answer JSON (431 for oversized headers); a wrong method is 405 with `Allow`; a response
 * already under way is never corrupted by a protocol error; a drain closes keep-alive connections
 * as soon as they are idle.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseResponse, rawConnect } from './support/raw-http.js';
import { spawnServer, type ServerProcess } from './support/spawn-server.js';
import { startTestServer, syntheticWindow, type TestServer } from './support/test-server.js';

const appDir = fileURLToPath(new URL('..', import.meta.url));
const LIMIT = 64 * 1024;
let t: TestServer;
let spawned: ServerProcess;

beforeAll(async () => {
  t = await startTestServer({ limits: { maxBodyBytes: LIMIT } });
  spawned = await spawnServer(['--conditions=@painkd/source', '--import', 'tsx', 'src/main.ts'], { cwd: appDir, env: { EDGE_MAX_BODY_BYTES: String(LIMIT) } });
}, 60_000);
afterAll(async () => {
  await t.stop();
  await spawned.terminate();
});

const good = JSON.stringify({ samples: Array.from(syntheticWindow(4)), sampleRate: 4 });

describe('early rejects', () => {
  it('answer with Connection: close and keep reading until the client is done, instead of resetting it', async () => {
    const c = await rawConnect(t.port);
    c.socket.write(`POST /predict HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${10 * 1024 * 1024}\r\n\r\n`);
    c.socket.write('x'.repeat(128 * 1024));
    const head = await c.waitForResponse();
    expect(head.status).toBe(413);
    expect(head.headers['connection']).toBe('close');
    expect(JSON.parse(head.body)).toMatchObject({ error: { code: 'BODY_TOO_LARGE' } });
    for (let i = 0; i < 8; i++) {
      c.socket.write('y'.repeat(256 * 1024));
      await new Promise((r) => setTimeout(r, 20));
    }
    c.socket.end();
    expect(await c.closed).toEqual({ error: undefined, ended: true });
  });

  it('lose no request of 1,000 mixed valid and oversized ones over pooled keep-alive connections (Node fetch, separate server process)', async () => {
    const big = 'x'.repeat(512 * 1024);
    const kinds = [
      () => fetch(`${spawned.url}/predict`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: good }),
      () => fetch(`${spawned.url}/predict`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: big }),
      () => fetch(`${spawned.url}/predict`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: big }),
      () => fetch(`${spawned.url}/predict`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: good }),
      () => fetch(`${spawned.url}/v1/streams/keepalive/samples`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: big }),
    ];
    const statuses = new Map<number, number>();
    const resets: string[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < 1000) {
          const send = kinds[next++ % kinds.length] as () => Promise<Response>;
          try {
            const res = await send();
            await res.arrayBuffer();
            statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          } catch (error) {
            resets.push(String((error as { cause?: { code?: string } }).cause?.code ?? error));
          }
        }
      }),
    );
    console.log(`EDGE_KEEPALIVE ${JSON.stringify({ requests: 1000, resets: resets.length, statuses: Object.fromEntries(statuses) })}`);
    expect(resets).toEqual([]);
    expect(Object.fromEntries(statuses)).toEqual({ 200: 400, 413: 200, 415: 400 });
  }, 120_000);
});

describe('protocol errors', () => {
  it('answer JSON: 400 for a bad request line or bad chunking, 431 for 20 KB of headers', async () => {
    const cases: [string, number, string][] = [
      ['GARBAGE\r\n\r\n', 400, 'BAD_REQUEST'],
      [`GET /v2/health/live HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`, 431, 'HEADERS_TOO_LARGE'],
      [`GET /${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`, 431, 'HEADERS_TOO_LARGE'],
      ['POST /predict HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\nzz\r\n', 400, 'BAD_REQUEST'],
    ];
    for (const [request, status, code] of cases) {
      const c = await rawConnect(t.port);
      c.socket.write(request);
      const response = await c.waitForResponse();
      expect(response.status, request.slice(0, 40)).toBe(status);
      expect(response.headers['content-type']).toBe('application/json');
      expect(JSON.parse(response.body)).toMatchObject({ error: { code } });
      c.socket.destroy();
    }
  });

  it('never write raw HTTP into a response that has started: the connection is closed instead', async () => {
    const c = await rawConnect(t.port);
    c.socket.write('POST /predict?sampleRate=4 HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-ndjson\r\nTransfer-Encoding: chunked\r\n\r\n');
    const line = `${JSON.stringify({ seq: 0, samples: Array.from(syntheticWindow(4)) })}\n`;
    c.socket.write(`${Buffer.byteLength(line).toString(16)}\r\n${line}\r\n`);
    await c.waitFor(/"window":0/);
    c.socket.write('zz\r\nnot a chunk\r\n');
    await c.closed;
    const body = parseResponse(c.received()).body;
    expect(body).not.toContain('HTTP/1.1');
    expect(body).toContain('"window":0');
  });

  it('a wrong method on a known path is 405 with Allow', async () => {
    for (const [method, path, allow] of [
      ['PUT', '/predict', 'POST'],
      ['GET', '/predict', 'POST'],
      ['POST', '/v2/health/live', 'GET, HEAD'],
      ['GET', '/v1/streams/d1', 'DELETE'],
    ] as const) {
      const res = await fetch(`${t.url}${path}`, { method });
      expect(res.status, `${method} ${path}`).toBe(405);
      expect(res.headers.get('allow')).toBe(allow);
    }
    expect(await (await fetch(`${t.url}/predict`, { method: 'PUT' })).json()).toMatchObject({ error: { code: 'METHOD_NOT_ALLOWED', details: { allow: ['POST'] } } });
    expect(await (await fetch(`${t.url}/v2/health/live`, { method: 'DELETE' })).json()).toEqual({ error: 'DELETE is not allowed on /v2/health/live; use GET, HEAD' });
    expect((await fetch(`${t.url}/nope`, { method: 'PUT' })).status).toBe(404);
  });
});

describe('graceful stop', () => {
  it('closes a keep-alive connection as soon as its in-flight request is answered, instead of after the keep-alive timeout', async () => {
    const g = await startTestServer();
    const c = await rawConnect(g.port);
    const body = JSON.stringify({ samples: Array.from(syntheticWindow(512)), sampleRate: 512 });
    c.socket.write(`POST /predict HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 1000)}`);
    await new Promise((r) => setTimeout(r, 100));
    const started = performance.now();
    const stopped = g.stop();
    await new Promise((r) => setTimeout(r, 100));
    c.socket.write(body.slice(1000));
    const response = await c.waitForResponse();
    expect(response.status).toBe(200);
    expect(response.headers['connection']).toBe('close');
    await stopped;
    expect(performance.now() - started).toBeLessThan(2500);
    expect((await c.closed).error).toBeUndefined();
  });
});
