/**
 * @module The serving half of `bench:scale`: session-route throughput of edge-API replicas — one
 * in memory (the baseline), one on Redis, two on Redis with every device's chunks alternating
 * between them. Each of `devices` simulated wearables sends 1-s chunks of 4-Hz GSR back to back
 * (after the first 5.5 s, every chunk completes a window: one Redis round trip and one
 * prediction per chunk), for `seconds`.
 */
import { randomBytes } from 'node:crypto';
import { connectRedis } from '@painkd/distill/queue';
import { percentile } from '@painkd/models';
import { perUnit, redisCounters } from './redis-counters.js';
import { spawnTarget, type Target } from '../api/spawn-target.js';

/** One load run. */
export interface SessionRun {
  readonly mode: 'memory' | 'redis';
  readonly replicas: number;
  readonly devices: number;
  readonly chunks: number;
  readonly chunksPerSec: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly errors: number;
  /** What each chunk cost Redis (Redis runs only): commands (scripts' own calls included), CPU µs, bytes. */
  readonly redisPerChunk?: { readonly commands: number; readonly cpuUs: number; readonly bytes: number };
}

/**
 * Starts `replicas` edge-API processes (on Redis at `redisUrl` when given) and loads them.
 *
 * @example
 * const run = await loadSessions(root, { replicas: 2, redisUrl, devices: 32, seconds: 10 });
 */
export async function loadSessions(root: string, options: { readonly replicas: number; readonly redisUrl?: string; readonly devices: number; readonly seconds: number }): Promise<SessionRun> {
  const env: Record<string, string> = { EDGE_RUNTIME: 'node', ...(options.redisUrl ? { EDGE_REDIS_URL: options.redisUrl } : {}) };
  const targets: Target[] = await Promise.all(
    Array.from({ length: options.replicas }, (_, i) => spawnTarget(`edge-${i}`, ['--conditions=@painkd/source', '--import', 'tsx', 'apps/edge-api/src/main.ts'], root, env)),
  );
  const redis = options.redisUrl ? await connectRedis(options.redisUrl) : undefined;
  try {
    await Promise.all(targets.map((t) => ready(t.url)));
    const before = redis ? await redisCounters(redis) : undefined;
    const run = randomBytes(3).toString('hex');
    const latencies: number[] = [];
    let errors = 0;
    const started = performance.now();
    const until = started + options.seconds * 1000;
    await Promise.all(
      Array.from({ length: options.devices }, async (_, d) => {
        const device = `bench-${run}-${d}`;
        for (let seq = 0; performance.now() < until; seq++) {
          const samples = Array.from({ length: seq === 0 ? 22 : 4 }, (_, i) => 4 + 0.1 * Math.sin((seq * 4 + i) / 3) + 0.01 * d);
          const target = targets[(d + seq) % targets.length]!;
          const t0 = performance.now();
          const res = await fetch(`${target.url}/v1/streams/${device}/samples`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ seq, sampleRate: 4, samples }) });
          if (res.status === 200) await res.arrayBuffer();
          if (res.status !== 200) {
            errors++;
            if (errors === 1) console.error(`  ${target.name}: ${res.status} ${await res.text().catch(() => '')}`);
            break;
          }
          if (seq > 0) latencies.push(performance.now() - t0);
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    const chunks = latencies.length;
    const sorted = Float64Array.from(latencies).sort();
    const at = (p: number): number => (chunks === 0 ? Number.NaN : percentile(sorted, p));
    const redisPerChunk = redis && before ? perUnit(before, await redisCounters(redis), chunks + options.devices) : undefined;
    return {
      mode: options.redisUrl ? 'redis' : 'memory',
      replicas: options.replicas,
      devices: options.devices,
      chunks,
      chunksPerSec: chunks / elapsed,
      p50Ms: at(50),
      p99Ms: at(99),
      errors,
      ...(redisPerChunk ? { redisPerChunk } : {}),
    };
  } finally {
    await redis?.quit();
    await Promise.all(targets.map((t) => t.stop()));
  }
}

/** Waits until a replica says it is ready (its Redis connection is up), at most 20 s. */
async function ready(url: string): Promise<void> {
  for (const started = performance.now(); performance.now() - started < 20_000; ) {
    if ((await fetch(`${url}/v2/health/ready`)).status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${url} did not become ready`);
}
