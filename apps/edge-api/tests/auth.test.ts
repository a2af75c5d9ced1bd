/**
 * @module Auth that browsers can use, on a real server: a short-lived stream token opens one
 * device's SSE events from `EventSource` (`?access_token=`), never the API token in a URL;
 * `/metrics` with the API token, its own token, openly, or only on its own port; `/docs` public on
 * request; a start-up warning when the server listens beyond loopback without a token.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startMetricsServer } from '../src/server/start-server.js';
import { spawnServer } from './support/spawn-server.js';
import { startTestServer } from './support/test-server.js';

const TOKEN = 'api-token-123';
const bearer = { authorization: `Bearer ${TOKEN}` };
const appDir = fileURLToPath(new URL('..', import.meta.url));

describe('stream tokens', () => {
  it('open one device’s events, until they expire; the API token never goes in a URL', async () => {
    let now = Date.parse('2026-12-01T10:00:00Z');
    const t = await startTestServer({ token: TOKEN, streamTokenTtlSeconds: 60, now: () => now });
    try {
      expect((await fetch(`${t.url}/v1/streams/e4-1/token`, { method: 'POST' })).status).toBe(401);
      const issued = await fetch(`${t.url}/v1/streams/e4-1/token`, { method: 'POST', headers: bearer });
      expect(issued.status).toBe(200);
      const body = (await issued.json()) as { token: string; deviceId: string; expiresAt: string; expiresInSeconds: number; eventsUrl: string };
      expect(body).toMatchObject({ deviceId: 'e4-1', scope: 'events', expiresAt: '2026-12-01T10:01:00.000Z', expiresInSeconds: 60 });
      expect(body.eventsUrl).toBe(`/v1/streams/e4-1/events?access_token=${body.token}`);

      const controller = new AbortController();
      const events = await fetch(`${t.url}${body.eventsUrl}`, { signal: controller.signal });
      expect(events.status).toBe(200);
      expect(events.headers.get('content-type')).toContain('text/event-stream');
      controller.abort();

      const tryEvents = async (device: string, token: string) => {
        const res = await fetch(`${t.url}/v1/streams/${device}/events?access_token=${encodeURIComponent(token)}`);
        return { status: res.status, body: (await res.json()) as { error: { path: string; message: string } } };
      };
      expect(await tryEvents('e4-2', body.token)).toMatchObject({ status: 401, body: { error: { path: 'query.access_token', message: 'access_token is not for the events of e4-2' } } });
      expect(await tryEvents('e4-1', TOKEN)).toMatchObject({ status: 401, body: { error: { message: expect.stringContaining('never the API token') } } });
      expect(await tryEvents('e4-1', `${body.token.slice(0, -2)}xx`)).toMatchObject({ status: 401, body: { error: { message: 'access_token has a bad signature' } } });
      expect((await fetch(`${t.url}/predict?access_token=${body.token}`, { method: 'POST' })).status).toBe(401);
      now += 61_000;
      expect(await tryEvents('e4-1', body.token)).toMatchObject({ status: 401, body: { error: { message: 'access_token has expired' } } });
      expect((await fetch(`${t.url}/v1/streams/e4-1/events`)).status).toBe(401);
    } finally {
      await t.stop();
    }
  });
});

describe('/metrics and /docs access', () => {
  it('/metrics takes the API token by default, its own token, or none; /docs can be public', async () => {
    const api = await startTestServer({ token: TOKEN });
    const own = await startTestServer({ token: TOKEN, metrics: { kind: 'token', token: 'prom-secret' } });
    const open = await startTestServer({ token: TOKEN, metrics: { kind: 'open' }, docsPublic: true });
    try {
      expect((await fetch(`${api.url}/metrics`)).status).toBe(401);
      expect((await fetch(`${api.url}/metrics`, { headers: bearer })).status).toBe(200);
      expect((await fetch(`${api.url}/docs`)).status).toBe(401);
      expect((await fetch(`${own.url}/metrics`, { headers: bearer })).status).toBe(401);
      expect((await fetch(`${own.url}/metrics`, { headers: { authorization: 'Bearer prom-secret' } })).status).toBe(200);
      expect((await fetch(`${own.url}/predict`, { method: 'POST', headers: { authorization: 'Bearer prom-secret' } })).status).toBe(401);
      expect((await fetch(`${open.url}/metrics`)).status).toBe(200);
      expect((await fetch(`${open.url}/docs`)).status).toBe(200);
      expect((await fetch(`${open.url}/openapi.json`)).status).toBe(200);
      expect((await fetch(`${open.url}/predict`, { method: 'POST' })).status).toBe(401);
    } finally {
      await Promise.all([api.stop(), own.stop(), open.stop()]);
    }
  });

  it('serves /metrics only on its own port when asked', async () => {
    const t = await startTestServer({ token: TOKEN, metrics: { kind: 'port', port: 0, host: '127.0.0.1' } });
    const metrics = await startMetricsServer(t.edge, { port: 0, host: '127.0.0.1' });
    try {
      const text = await (await fetch(`${metrics.url}/metrics`)).text();
      expect(text).toContain('edge_api_requests_total');
      expect((await fetch(`${metrics.url}/predict`, { method: 'POST' })).status).toBe(404);
      expect((await fetch(`${t.url}/metrics`, { headers: bearer })).status).toBe(404);
    } finally {
      await metrics.stop();
      await t.stop();
    }
  });
});

describe('start-up', () => {
  it('warns when no token is set and the server listens beyond loopback', async () => {
    const open = await spawnServer(['--conditions=@painkd/source', '--import', 'tsx', 'src/main.ts'], { cwd: appDir, env: { HOST: '0.0.0.0', EDGE_API_TOKEN: '' } });
    try {
      expect(open.output()).toContain('warning: no EDGE_API_TOKEN is set and the server listens on 0.0.0.0, beyond loopback');
    } finally {
      await open.terminate();
    }
    const local = await spawnServer(['--conditions=@painkd/source', '--import', 'tsx', 'src/main.ts'], { cwd: appDir, env: { EDGE_API_TOKEN: '' } });
    try {
      expect(local.output()).not.toContain('warning');
    } finally {
      await local.terminate();
    }
  }, 60_000);
});
