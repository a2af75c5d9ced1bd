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
});
