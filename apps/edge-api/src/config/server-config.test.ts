/** @module Tests of flag and environment parsing. */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadServerConfig } from './server-config.js';

describe('loadServerConfig', () => {
  it('uses defaults, then environment, then flags', () => {
    const d = loadServerConfig([], {}, '/m');
    expect(d).toMatchObject({ modelDir: '/m', port: 8080, host: '0.0.0.0', runtime: 'auto', threads: 1, hopSeconds: 1, token: undefined, corsOrigins: [] });
    const e = loadServerConfig([], { PORT: '9000', EDGE_RUNTIME: 'web', EDGE_API_TOKEN: 't', EDGE_CORS_ORIGINS: 'https://a, https://b' }, '/m');
    expect(e).toMatchObject({ port: 9000, runtime: 'web', token: 't', corsOrigins: ['https://a', 'https://b'] });
    expect(loadServerConfig(['--model', '/x', '--port=0', '--runtime', 'node'], { PORT: '9000', EDGE_RUNTIME: 'web' }, '/m')).toMatchObject({ modelDir: '/x', port: 0, runtime: 'node' });
    expect(loadServerConfig(['--help'], {}, '/m')).toBe('help');
    expect(loadServerConfig([], { EDGE_REDIS_URL: 'redis://10.0.0.5:6379' }, '/m')).toMatchObject({ redisUrl: 'redis://10.0.0.5:6379' });
    expect(d).toMatchObject({ redisUrl: undefined });
  });
  it('names the bad flag or variable', () => {
    expect(() => loadServerConfig(['--runtime', 'gpu'], {}, '/m')).toThrow(ConfigError);
    expect(() => loadServerConfig([], { PORT: '70000' }, '/m')).toThrow(/PORT/);
    expect(() => loadServerConfig(['--nope', '1'], {}, '/m')).toThrow(/unknown flag --nope/);
    expect(() => loadServerConfig(['--model'], {}, '/m')).toThrow(/--model needs a value/);
    expect(() => loadServerConfig(['--hop', '0'], {}, '/m')).toThrow(/--hop/);
    expect(() => loadServerConfig([], { EDGE_REDIS_URL: 'localhost:6379' }, '/m')).toThrow(/EDGE_REDIS_URL must look like redis:\/\/host:port/);
  });
  it('reads access, quality, limit and launcher settings', () => {
    const d = loadServerConfig([], {}, '/m');
    expect(d).toMatchObject({ metrics: { kind: 'api' }, docsPublic: false, rejectFlagged: false, streamTokenTtlSeconds: 300, exitWithLauncher: false, limits: {} });
    expect(loadServerConfig(['--reject-flagged', '--exit-with-launcher'], {}, '/m')).toMatchObject({ rejectFlagged: true, exitWithLauncher: true });
    expect(loadServerConfig([], { EDGE_REJECT_FLAGGED: 'true', EDGE_DOCS_PUBLIC: '1', EDGE_STREAM_TOKEN_TTL_SECONDS: '60' }, '/m')).toMatchObject({ rejectFlagged: true, docsPublic: true, streamTokenTtlSeconds: 60 });
    expect(loadServerConfig([], { EDGE_METRICS_TOKEN: 'p' }, '/m')).toMatchObject({ metrics: { kind: 'token', token: 'p' } });
    expect(loadServerConfig([], { EDGE_METRICS_PUBLIC: 'true' }, '/m')).toMatchObject({ metrics: { kind: 'open' } });
    expect(loadServerConfig([], { EDGE_METRICS_PORT: '9464' }, '/m')).toMatchObject({ metrics: { kind: 'port', port: 9464, host: '127.0.0.1' } });
    expect(loadServerConfig([], { EDGE_MAX_BODY_BYTES: '65536', EDGE_STREAM_IDLE_MS: '5000', EDGE_REQUEST_TIMEOUT_MS: '1000' }, '/m')).toMatchObject({ limits: { maxBodyBytes: 65536, streamIdleMs: 5000, requestTimeoutMs: 1000 } });
    expect(() => loadServerConfig([], { EDGE_METRICS_TOKEN: 'p', EDGE_METRICS_PUBLIC: 'true' }, '/m')).toThrow(/at most one of EDGE_METRICS_TOKEN/);
    expect(() => loadServerConfig([], { EDGE_REJECT_FLAGGED: 'yes' }, '/m')).toThrow(/EDGE_REJECT_FLAGGED/);
    expect(() => loadServerConfig([], { EDGE_MAX_BODY_BYTES: '10' }, '/m')).toThrow(/EDGE_MAX_BODY_BYTES must be an integer from 1024/);
  });
});
