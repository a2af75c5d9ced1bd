/**
 * @module A throwaway `redis-server` on a free loopback port, for tests and benchmarks (Debian's
 * `redis-server`, installed by scripts/ensure-system.sh): no persistence, bound to 127.0.0.1,
 * stopped by `stop()`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';

/** A running local Redis. */
export interface LocalRedis {
  /** `redis://127.0.0.1:<port>`. */
  readonly url: string;
  readonly port: number;
  /** Stops it (SIGTERM) and waits for the process to exit. */
  stop(): Promise<void>;
}

/**
 * Starts `redis-server` on a free loopback port and waits until it accepts connections. Throws,
 * naming the cause, when the binary is missing or it does not start.
 *
 * @example
 * const redis = await startRedisServer();
 * try { … redis.url … } finally { await redis.stop(); }
 */
export async function startRedisServer(options: { readonly bin?: string; readonly timeoutMs?: number } = {}): Promise<LocalRedis> {
  let lastError: Error | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const child = spawn(options.bin ?? 'redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'yes'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      await ready(child, options.timeoutMs ?? 10_000);
      return { url: `redis://127.0.0.1:${port}`, port, stop: () => stop(child) };
    } catch (error) {
      lastError = error as Error;
      await stop(child);
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') break;
    }
  }
  const missing = (lastError as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
  throw new Error(missing ? `redis-server not found on PATH: run scripts/ensure-system.sh (installs Debian's redis-server)` : `redis-server did not start: ${lastError?.message}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function ready(child: ChildProcess, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => done(new Error(`not ready after ${timeoutMs} ms: ${output.trim().split('\n').slice(-3).join(' | ')}`)), timeoutMs);
    const done = (error?: Error): void => {
      clearTimeout(timer);
      child.stdout?.removeAllListeners('data');
      if (error) reject(error);
      else resolve();
    };
    child.once('error', done);
    child.once('exit', (code) => done(new Error(`exited with code ${code}: ${output.trim().split('\n').slice(-3).join(' | ')}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) done();
    });
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}
