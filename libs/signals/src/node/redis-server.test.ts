import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startRedisServer } from './redis-server.js';

function ping(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write('PING\r\n'));
    socket.once('data', (d) => {
      resolve(d.toString().trim());
      socket.destroy();
    });
    socket.once('error', reject);
  });
}

describe('startRedisServer', () => {
  it('serves on a loopback port until stopped', async () => {
    const redis = await startRedisServer();
    expect(redis.url).toBe(`redis://127.0.0.1:${redis.port}`);
    expect(await ping(redis.port)).toBe('+PONG');
    await redis.stop();
    await expect(ping(redis.port)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('names the missing binary', async () => {
    await expect(startRedisServer({ bin: 'no-such-redis-server' })).rejects.toThrow(/redis-server not found on PATH: run scripts\/ensure-system.sh/);
  });
});
