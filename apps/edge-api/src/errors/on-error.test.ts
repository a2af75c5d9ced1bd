/** @module The error edge: painkd and Open Inference Protocol shapes, 405 with Allow, 404 otherwise, 5xx logged. */
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../app/app-env.js';
import { ApiError } from './api-error.js';
import { createErrorHandler, createNotFound } from './on-error.js';

function app(log: unknown[]): Hono<AppEnv> {
  const a = new Hono<AppEnv>();
  a.onError(createErrorHandler((e) => log.push(e)));
  a.notFound(createNotFound(a));
  a.post('/predict', () => {
    throw new ApiError('INVALID_SAMPLES', 'samples[1] is not a number', { path: 'samples[1]' });
  });
  a.get('/v2/models/:name', () => {
    throw new ApiError('MODEL_NOT_FOUND', 'no model named x', { path: 'params.name' });
  });
  a.delete('/v2/models/:name', () => {
    throw new Error('boom');
  });
  return a;
}

describe('the error edge', () => {
  it('answers the painkd shape on painkd routes and { error } under /v2; logs 5xx only', async () => {
    const log: unknown[] = [];
    const a = app(log);
    const painkd = await a.request('/predict', { method: 'POST' });
    expect(painkd.status).toBe(400);
    expect(await painkd.json()).toEqual({ error: { code: 'INVALID_SAMPLES', message: 'samples[1] is not a number', path: 'samples[1]' } });
    const oip = await a.request('/v2/models/x');
    expect(oip.status).toBe(404);
    expect(await oip.json()).toEqual({ error: 'no model named x' });
    expect(log).toEqual([]);
    const fault = await a.request('/v2/models/x', { method: 'DELETE' });
    expect(fault.status).toBe(500);
    expect(await fault.json()).toEqual({ error: 'internal error: boom' });
    expect(log).toHaveLength(1);
  });
  it('answers 405 with Allow for a known path, 404 for an unknown one', async () => {
    const a = app([]);
    const wrong = await a.request('/v2/models/x', { method: 'PUT' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('DELETE, GET, HEAD');
    expect((await a.request('/predict')).headers.get('allow')).toBe('POST');
    expect((await a.request('/elsewhere')).status).toBe(404);
  });
});
