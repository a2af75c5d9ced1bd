import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { connectRedis, parseQueueUrl } from './redis-connection.js';

describe('parseQueueUrl / connectRedis', () => {
  it.each([
    ['localhost:6379', 'expected redis:// or rediss://'],
    ['nonsense', 'is not a URL'],
    ['http://h:1', 'expected redis:// or rediss://, got http://'],
    ['redis://h:1/queue', 'the path must be a database number'],
  ])('refuses %s naming why', (url, message) => {
    expect(() => parseQueueUrl(url)).toThrow(expect.objectContaining({ code: 'QUEUE_BAD_URL', message: expect.stringContaining(message) }));
  });

  it('says QUEUE_UNAVAILABLE with the address when nothing answers there', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    await new Promise((resolve) => server.close(resolve));
    await expect(connectRedis(`redis://127.0.0.1:${port}`, { timeoutMs: 2000 })).rejects.toMatchObject({
      code: 'QUEUE_UNAVAILABLE',
      message: expect.stringContaining(`cannot reach Redis at 127.0.0.1:${port}`),
    });
  });
});
