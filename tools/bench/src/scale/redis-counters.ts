/**
 * @module What a workload costs Redis: commands processed (a script's own calls included), CPU
 * time and network bytes, read from `INFO` before and after.
 */
import type { Redis } from 'ioredis';

/** Redis' totals at one moment. */
export interface RedisCounters {
  readonly commands: number;
  /** User + system CPU seconds of the server. */
  readonly cpuSeconds: number;
  /** Bytes in + out. */
  readonly bytes: number;
}

/**
 * Reads the totals (the `INFO` call itself counts as one command).
 *
 * @example
 * const before = await redisCounters(redis); … ; const after = await redisCounters(redis);
 */
export async function redisCounters(redis: Redis): Promise<RedisCounters> {
  const info = await redis.info();
  const field = (name: string): number => Number(new RegExp(`^${name}:([\\d.]+)`, 'm').exec(info)?.[1] ?? Number.NaN);
  return {
    commands: field('total_commands_processed'),
    cpuSeconds: field('used_cpu_user') + field('used_cpu_sys'),
    bytes: field('total_net_input_bytes') + field('total_net_output_bytes'),
  };
}

/**
 * Per-unit costs between two readings (`units`: jobs or chunks).
 *
 * @example
 * perUnit(before, after, chunks); // { commands: 33, cpuUs: 120, bytes: 900 }
 */
export function perUnit(before: RedisCounters, after: RedisCounters, units: number): { readonly commands: number; readonly cpuUs: number; readonly bytes: number } {
  return {
    commands: (after.commands - before.commands - 1) / units,
    cpuUs: (1e6 * (after.cpuSeconds - before.cpuSeconds)) / units,
    bytes: (after.bytes - before.bytes) / units,
  };
}
