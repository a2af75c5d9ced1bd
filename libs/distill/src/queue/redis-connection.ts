/** @module A checked Redis connection from a `redis://host:port[/db]` URL, as BullMQ needs it. */
import { Redis } from 'ioredis';
import { DistillError } from '../errors.js';

/**
 * Checks a queue URL: `redis://` or `rediss://`, a host, an optional port and database number.
 * Throws `QUEUE_BAD_URL` naming what is wrong.
 *
 * @example
 * parseQueueUrl('redis://10.0.0.5:6379'); // URL { hostname: '10.0.0.5', port: '6379' }
 */
export function parseQueueUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DistillError('QUEUE_BAD_URL', `"${url}" is not a URL; expected redis://host:port`);
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') throw new DistillError('QUEUE_BAD_URL', `"${url}": expected redis:// or rediss://, got ${parsed.protocol}//`);
  if (parsed.hostname === '') throw new DistillError('QUEUE_BAD_URL', `"${url}": no host`);
  if (parsed.pathname !== '' && parsed.pathname !== '/' && !/^\/\d+$/.test(parsed.pathname)) throw new DistillError('QUEUE_BAD_URL', `"${url}": the path must be a database number, got ${parsed.pathname}`);
  return parsed;
}

/**
 * Connects to Redis at `url` (BullMQ settings: commands wait for a reconnect instead of failing),
 * or throws `QUEUE_UNAVAILABLE` naming the address after `timeoutMs`. Later connection errors are
 * reported once to `onError` per outage, not thrown.
 *
 * @example
 * const redis = await connectRedis('redis://127.0.0.1:6379');
 */
export async function connectRedis(url: string, options: { readonly timeoutMs?: number; readonly onError?: (error: Error) => void } = {}): Promise<Redis> {
  const parsed = parseQueueUrl(url);
  const redis = new Redis(url, { maxRetriesPerRequest: null, lazyConnect: true, connectTimeout: options.timeoutMs ?? 5000 });
  let reported = false;
  redis.on('error', (error: Error) => {
    if (!reported) options.onError?.(error);
    reported = true;
  });
  redis.on('ready', () => (reported = false));
  try {
    await withTimeout(redis.connect(), options.timeoutMs ?? 5000);
    await redis.ping();
  } catch (error) {
    redis.disconnect();
    throw new DistillError('QUEUE_UNAVAILABLE', `cannot reach Redis at ${parsed.host}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return redis;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
