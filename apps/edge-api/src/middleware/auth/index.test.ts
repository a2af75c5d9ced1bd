/** @module Tests of bearer auth on a real Hono app. */
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../../app/app-env.js';
import { createErrorHandler } from '../../errors/on-error.js';
import { bearerAuth, tokensEqual } from './index.js';
import { StreamTokens } from './stream-tokens.js';

function app(token: string | undefined): Hono<AppEnv> {
  const a = new Hono<AppEnv>();
  a.onError(createErrorHandler(() => undefined));
  a.use('*', bearerAuth({ token, openPaths: ['/live'], ownTokens: { '/metrics': 'prom' }, streamTokens: new StreamTokens(token, 60) }));
  a.get('/live', (c) => c.text('live'));
  a.get('/secret', (c) => c.text('secret'));
  a.get('/metrics', (c) => c.text('metrics'));
  a.get('/v1/streams/:id/events', (c) => c.text('events'));
  return a;
}

describe('bearerAuth', () => {
  it('lets everything through when no token is configured', async () => {
    expect((await app(undefined).request('/secret')).status).toBe(200);
    expect((await app('').request('/secret')).status).toBe(200);
  });
  it('requires the exact token except on open paths', async () => {
    const a = app('tok-123');
    const none = await a.request('/secret');
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toContain('Bearer');
    expect(await none.json()).toMatchObject({ error: { code: 'UNAUTHORIZED', path: 'headers.authorization' } });
    expect((await a.request('/secret', { headers: { authorization: 'Bearer tok-12' } })).status).toBe(401);
    expect((await a.request('/secret', { headers: { authorization: 'Basic tok-123' } })).status).toBe(401);
    expect((await a.request('/secret', { headers: { authorization: 'Bearer tok-123' } })).status).toBe(200);
    expect((await a.request('/secret', { headers: { authorization: 'bearer tok-123' } })).status).toBe(200);
    expect((await a.request('/live')).status).toBe(200);
  });
  it('takes a path’s own token instead of the API token, and stream tokens only on event paths', async () => {
    const a = app('tok-123');
    expect((await a.request('/metrics', { headers: { authorization: 'Bearer tok-123' } })).status).toBe(401);
    expect((await a.request('/metrics', { headers: { authorization: 'Bearer prom' } })).status).toBe(200);
    const { token } = new StreamTokens('tok-123', 60).issue('d1');
    expect((await a.request(`/v1/streams/d1/events?access_token=${token}`)).status).toBe(200);
    expect((await a.request(`/v1/streams/d2/events?access_token=${token}`)).status).toBe(401);
    expect((await a.request('/v1/streams/d1/events?access_token=tok-123')).status).toBe(401);
    expect((await a.request(`/secret?access_token=${token}`)).status).toBe(401);
  });
  it('compares equal and unequal secrets of any length', () => {
    expect(tokensEqual('a', 'a')).toBe(true);
    expect(tokensEqual('a', 'ab')).toBe(false);
    expect(tokensEqual('', 'x'.repeat(1000))).toBe(false);
  });
});
