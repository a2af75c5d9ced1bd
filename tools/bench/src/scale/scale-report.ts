/** @module The `bench:scale` tables: training speed-up and efficiency, queue overhead, session throughput. */
import type { QueueOverhead } from './queue-overhead.js';
import type { SessionRun } from './session-scale.js';
import type { TrainRun } from './train-scale.js';

/** Everything one `bench:scale` run measured. */
export interface ScaleResults {
  readonly train: readonly TrainRun[];
  readonly overhead?: QueueOverhead;
  readonly sessions: readonly SessionRun[];
}

/**
 * Markdown tables. Training: wall time of each run, its speed-up over one local thread and its
 * parallel efficiency (speed-up / workers). Sessions: chunks/s and latency, and the throughput
 * ratio to the in-memory single replica.
 *
 * @example
 * console.log(formatScaleTables(results));
 */
export function formatScaleTables(results: ScaleResults): string {
  const out: string[] = [];
  const base = results.train.find((r) => r.mode === 'local threads' && r.workers === 1);
  if (results.train.length > 0) {
    out.push('| training run | workers | wall s | speed-up vs 1 local thread | efficiency |', '|---|---:|---:|---:|---:|');
    for (const r of results.train) {
      const speedUp = base ? base.wallMs / r.wallMs : Number.NaN;
      out.push(`| ${r.mode} | ${r.workers} | ${(r.wallMs / 1000).toFixed(1)} | ${speedUp.toFixed(2)}× | ${((100 * speedUp) / r.workers).toFixed(0)} % |`);
    }
    const queue1 = results.train.find((r) => r.mode === 'queue workers' && r.workers === 1);
    const queue2 = results.train.find((r) => r.mode === 'queue workers' && r.workers === 2);
    if (queue1 && queue2) out.push('', `2 queue workers vs 1: ${(queue1.wallMs / queue2.wallMs).toFixed(2)}× (efficiency ${((50 * queue1.wallMs) / queue2.wallMs).toFixed(0)} %)`);
  }
  const o = results.overhead;
  if (o) {
    out.push(
      '',
      `queue overhead: ${o.jobs} near-empty jobs, local pool ${(o.localMs / 1000).toFixed(2)} s, queue ${(o.queueMs / 1000).toFixed(2)} s → ${o.overheadMsPerJob.toFixed(1)} ms per job; ` +
        `Redis per job: ${o.redisPerJob.commands.toFixed(0)} commands, ${o.redisPerJob.cpuUs.toFixed(0)} µs CPU, ${(o.redisPerJob.bytes / 1024).toFixed(1)} KiB`,
    );
  }
  if (results.sessions.length > 0) {
    const memory = results.sessions.find((r) => r.mode === 'memory');
    out.push('', '| sessions | replicas | devices | chunks/s | vs memory ×1 | p50 ms | p99 ms | Redis cmds / µs CPU per chunk | errors |', '|---|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const r of results.sessions) {
      const ratio = memory ? r.chunksPerSec / memory.chunksPerSec : Number.NaN;
      out.push(
        `| ${r.mode} | ${r.replicas} | ${r.devices} | ${r.chunksPerSec.toFixed(0)} | ${ratio.toFixed(2)}× | ${r.p50Ms.toFixed(1)} | ${r.p99Ms.toFixed(1)} | ${r.redisPerChunk ? `${r.redisPerChunk.commands.toFixed(0)} / ${r.redisPerChunk.cpuUs.toFixed(0)}` : '—'} | ${r.errors} |`,
      );
    }
  }
  return out.join('\n');
}
