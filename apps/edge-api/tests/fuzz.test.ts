/**
 * @module Fuzz on a real server: 1,200 random malformed bodies, media types, query strings,
 * headers and raw request bytes, seeded. None may get a 5xx, and the server must still answer.
 */
import { connect } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, syntheticWindow, type TestServer } from './support/test-server.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ limits: { maxBodyBytes: 256 * 1024, maxSessions: 64 } });
});
afterAll(async () => {
  await t.stop();
});

const good = Array.from(syntheticWindow(4));

/** Mutations of an otherwise valid window body. */
const jsonBody = fc.oneof(
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.record({ samples: fc.array(fc.oneof(fc.double(), fc.string(), fc.constant(null), fc.boolean()), { maxLength: 40 }), sampleRate: fc.oneof(fc.double(), fc.string(), fc.integer()) }).map((v) => JSON.stringify(v)),
  fc.record({ samples: fc.constant(good), sampleRate: fc.oneof(fc.constant(4), fc.double({ noNaN: false }), fc.constant(-4), fc.constant(1e309)) }).map((v) => JSON.stringify(v)),
  fc.record({ windows: fc.array(fc.record({ samples: fc.constant(good), sampleRate: fc.oneof(fc.constant(4), fc.constant(0)) }), { maxLength: 40 }) }).map((v) => JSON.stringify(v)),
  fc.record({ seq: fc.oneof(fc.integer({ min: -3, max: 3 }), fc.double(), fc.string()), sampleRate: fc.constant(4), samples: fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { maxLength: 30 }) }).map((v) => JSON.stringify(v)),
  fc.nat({ max: 5000 }).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`),
  fc.nat({ max: 300_000 }).map((n) => '1'.repeat(n)),
  fc.string({ maxLength: 200 }),
  fc.constant(`{"samples":[1e999${',1'.repeat(21)}],"sampleRate":4}`),
  fc.constant(`{"samples":[${good.join(',')}],"sampleRate":4`),
  fc.uint8Array({ maxLength: 400 }).map((b) => Buffer.from(b).toString('latin1')),
);

const target = fc.constantFrom(
  ['POST', '/predict'],
  ['POST', '/predict?sampleRate=4'],
  ['POST', '/predict?sampleRate=abc'],
  ['POST', '/predict?sampleRate=1e400'],
  ['POST', '/v1/streams/fuzz-1/samples'],
  ['POST', '/v1/streams/%E0%A4%A/samples'],
  ['POST', `/v1/streams/${'x'.repeat(200)}/samples`],
  ['DELETE', '/v1/streams/fuzz-1'],
  ['POST', '/v2/models/student/infer'],
  ['POST', '/v2/models/%00/infer'],
  ['PUT', '/predict'],
  ['GET', '/predict'],
  ['PATCH', '/v2/health/live'],
  ['GET', '/v2/models/..%2F..'],
  ['POST', '/metrics'],
);

const mediaType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'application/octet-stream',
  'application/x-ndjson',
  'text/plain',
  'multipart/form-data; boundary=x',
  '',
  'application/json; charset=latin1',
  '\u0000',
  'application/x-ndjson;;;',
);

interface Case {
  method: string;
  path: string;
  type: string;
  body: string;
  auth: string | undefined;
}

describe('fuzz', () => {
  it('never answers 5xx to 1,200 malformed requests and keeps serving', async () => {
    const name = t.predictor.info.name;
    const cases = fc.sample(
      fc.record({
        target,
        type: mediaType,
        body: jsonBody,
        auth: fc.option(fc.constantFrom('Bearer', 'Bearer x', 'Basic abc', '\u00ff'), { nil: undefined }),
      }),
      { seed: 20261129, numRuns: 1000 },
    ).map(
      (c): Case => ({ method: c.target[0] as string, path: (c.target[1] as string).replace('/models/student/', `/models/${name}/`), type: c.type, body: c.body, auth: c.auth }),
    );
    const statuses = new Map<number, number>();
    const fiveXx: string[] = [];
    for (let i = 0; i < cases.length; i += 25) {
      await Promise.all(
        cases.slice(i, i + 25).map(async (c) => {
          const headers: Record<string, string> = {};
          if (c.type !== '' && !c.type.includes('\u0000')) headers['content-type'] = c.type;
          if (c.auth !== undefined && !c.auth.includes('\u00ff')) headers['authorization'] = c.auth;
          const hasBody = c.method !== 'GET' && c.method !== 'HEAD';
          const res = await fetch(`${t.url}${c.path}`, { method: c.method, headers, ...(hasBody ? { body: c.body } : {}) });
          await res.arrayBuffer();
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          if (res.status >= 500) fiveXx.push(`${c.method} ${c.path} ${c.type} ${c.body.slice(0, 80)} → ${res.status}`);
        }),
      );
    }
    const raw = await rawFuzz(t.port, 200);
    for (const s of raw) statuses.set(s, (statuses.get(s) ?? 0) + 1);
    expect(fiveXx).toEqual([]);
    expect(raw.every((s) => s < 500)).toBe(true);
    expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1000);
    expect([...statuses.keys()].some((s) => s >= 400 && s < 500)).toBe(true);
    expect((await fetch(`${t.url}/v2/health/live`)).status).toBe(200);
    const ok = await fetch(`${t.url}/predict`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ samples: good, sampleRate: 4 }) });
    expect(ok.status).toBe(200);
    const metrics = await (await fetch(`${t.url}/metrics`)).text();
    expect(metrics).not.toMatch(/status="5\d\d"/);
  });
});

/** Raw request bytes over TCP: broken request lines, headers, lengths and chunking. Returns statuses (0 = closed without answer). */
async function rawFuzz(port: number, count: number): Promise<number[]> {
  const heads = fc.sample(
    fc.oneof(
      fc.constant('POST /predict HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 99999\r\n\r\n{"samples":'),
      fc.constant('POST /predict HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n'),
      fc.constant('POST /predict HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\nzz\r\n'),
      fc.constant('POST /predict?sampleRate=4 HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Type: application/x-ndjson\r\n\r\n5\r\n{"seq\r\n0\r\n\r\n'),
      fc.constant('GET / HTTP/1.1\r\nHost: bad host\r\n\r\n'),
      fc.constant('GARBAGE\r\n\r\n'),
      fc.constant(`GET /${'a'.repeat(20000)} HTTP/1.1\r\nHost: x\r\n\r\n`),
      fc.constant('POST /predict HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n{}'),
      fc.string({ maxLength: 120 }).map((s) => `POST /predict HTTP/1.1\r\nHost: x\r\nX-Fuzz: ${s.replace(/[\r\n]/g, '')}\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}`),
      fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b).toString('latin1')),
    ),
    { seed: 7, numRuns: count },
  );
  const results: number[] = [];
  for (let i = 0; i < heads.length; i += 20) {
    results.push(
      ...(await Promise.all(
        heads.slice(i, i + 20).map(
          (text) =>
            new Promise<number>((resolve) => {
              const socket = connect(port, '127.0.0.1');
              let data = '';
              const done = (): void => {
                const m = /^HTTP\/1\.1 (\d{3})/.exec(data);
                resolve(m ? Number(m[1]) : 0);
              };
              socket.setTimeout(1500, () => socket.destroy());
              socket.on('data', (d) => {
                data += d.toString('latin1');
                if (/^HTTP\/1\.1 \d{3}/.test(data)) socket.destroy();
              });
              socket.on('close', done);
              socket.on('error', () => undefined);
              socket.write(text, 'latin1', () => socket.end());
            }),
        ),
      )),
    );
  }
  return results;
}
