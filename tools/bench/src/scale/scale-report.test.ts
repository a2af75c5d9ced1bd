import { describe, expect, it } from 'vitest';
import { formatScaleTables } from './scale-report.js';

describe('formatScaleTables', () => {
  it('reports speed-up and efficiency against one local thread, the queue overhead, and session throughput against memory', () => {
    const text = formatScaleTables({
      train: [
        { mode: 'local threads', workers: 1, wallMs: 100_000, wallsMs: [100_000], accuracies: [] },
        { mode: 'queue workers', workers: 1, wallMs: 104_000, wallsMs: [104_000], accuracies: [] },
        { mode: 'queue workers', workers: 2, wallMs: 55_000, wallsMs: [55_000, 60_000], accuracies: [] },
      ],
      overhead: { jobs: 34, localMs: 2000, queueMs: 2680, overheadMsPerJob: 20, redisPerJob: { commands: 31.5, cpuUs: 250, bytes: 6144 } },
      sessions: [
        { mode: 'memory', replicas: 1, devices: 8, chunks: 1000, chunksPerSec: 400, p50Ms: 10, p99Ms: 30, errors: 0 },
        { mode: 'redis', replicas: 2, devices: 8, chunks: 1200, chunksPerSec: 500, p50Ms: 12, p99Ms: 40, errors: 0, redisPerChunk: { commands: 33, cpuUs: 120, bytes: 900 } },
      ],
    });
    expect(text).toContain('| queue workers | 2 | 55.0 | 1.82× | 91 % |');
    expect(text).toContain('2 queue workers vs 1: 1.89× (efficiency 95 %)');
    expect(text).toContain('20.0 ms per job; Redis per job: 32 commands, 250 µs CPU, 6.0 KiB');
    expect(text).toContain('| redis | 2 | 8 | 500 | 1.25× | 12.0 | 40.0 | 33 / 120 | 0 |');
  });
});
