/**
 * @module The API's surface on a real server: OpenAPI lists every route, the docs page renders,
 * /metrics exposes requests, latency, inference and sessions, bearer auth and CORS behave, and a
 * graceful stop drains.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson, startTestServer, syntheticWindow, type TestServer } from './support/test-server.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.stop();
});

describe('OpenAPI and docs', () => {
  it('lists every route the app serves, and the docs page shows them', async () => {
    const doc = (await (await fetch(`${t.url}/openapi.json`)).json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe('3.1.0');
    const served = t.edge.app.routes
      .filter((r) => r.method !== 'ALL')
      .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:([A-Za-z]+)/g, '{$1}')}`);
    expect(served.length).toBeGreaterThanOrEqual(14);
    const documented = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m} ${path}`));
    expect(new Set(documented)).toEqual(new Set(served));
    const html = await (await fetch(`${t.url}/docs`)).text();
    for (const path of Object.keys(doc.paths)) expect(html).toContain(path);
  });
});

describe('GET /metrics', () => {
  it('exposes requests and latency per route, inference and stage latency, and active sessions', async () => {
    await postJson(`${t.url}/predict`, { samples: Array.from(syntheticWindow(32)), sampleRate: 32 });
    await postJson(`${t.url}/predict`, { samples: [], sampleRate: 32 });
    await postJson(`${t.url}/v1/streams/m1/samples`, { seq: 0, sampleRate: 4, samples: [1, 2, 3] });
    const text = await (await fetch(`${t.url}/metrics`)).text();
    expect(text).toMatch(/edge_api_requests_total\{method="POST",route="\/predict",status="200"\} [1-9]/);
    expect(text).toMatch(/edge_api_requests_total\{method="POST",route="\/predict",status="400"\} [1-9]/);
    expect(text).toMatch(/edge_api_request_duration_seconds_count\{method="POST",route="\/predict"\} [1-9]/);
    expect(text).toMatch(/edge_api_inference_duration_seconds_count [1-9]/);
    for (const stage of ['parse', 'resample', 'filter', 'inference']) expect(text).toContain(`edge_api_stage_duration_seconds_count{stage="${stage}"}`);
    expect(text).toMatch(/edge_api_active_sessions 1/);
    expect(text).toContain('# TYPE edge_api_request_duration_seconds histogram');
  });
});

describe('bearer auth and CORS', () => {
  it('requires the token except on health probes, and answers CORS preflights', async () => {
    const a = await startTestServer({ token: 's3cret-token', corsOrigins: ['https://dash.example'] });
    try {
      const body = { samples: Array.from(syntheticWindow(4)), sampleRate: 4 };
      const none = await postJson(`${a.url}/predict`, body);
      expect(none.status).toBe(401);
      expect(none.body).toMatchObject({ error: { code: 'UNAUTHORIZED', path: 'headers.authorization' } });
      expect((await postJson(`${a.url}/predict`, body, { authorization: 'Bearer s3cret-tokem' })).status).toBe(401);
      expect((await postJson(`${a.url}/predict`, body, { authorization: 'Bearer s3cret' })).status).toBe(401);
      expect((await postJson(`${a.url}/predict`, body, { authorization: 'Bearer s3cret-token' })).status).toBe(200);
      expect((await fetch(`${a.url}/v2/health/ready`)).status).toBe(200);
      expect((await fetch(`${a.url}/metrics`)).status).toBe(401);
      const pre = await fetch(`${a.url}/predict`, {
        method: 'OPTIONS',
        headers: { origin: 'https://dash.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
      });
      expect(pre.status).toBe(204);
      expect(pre.headers.get('access-control-allow-origin')).toBe('https://dash.example');
      const other = await fetch(`${a.url}/v2/health/live`, { headers: { origin: 'https://evil.example' } });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await a.stop();
    }
    const plain = await fetch(`${t.url}/v2/health/live`, { headers: { origin: 'https://dash.example' } });
    expect(plain.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('graceful stop', () => {
  it('finishes an in-flight request, turns readiness off and closes the listener', async () => {
    const g = await startTestServer();
    const inflight = postJson(`${g.url}/predict`, { samples: Array.from(syntheticWindow(512)), sampleRate: 512 });
    const sse = await fetch(`${g.url}/v1/streams/g1/events`);
    const stopped = g.stop();
    expect((await inflight).status).toBe(200);
    const text = await sse.text();
    expect(text).toContain('event: end');
    expect(text).toContain('shutdown');
    await stopped;
    await expect(fetch(`${g.url}/v2/health/live`)).rejects.toThrow();
  });
});
