import { describe, expect, it } from 'vitest';
import { measureLatency, percentile } from './measure-latency.js';

describe('percentile', () => {
  it('interpolates between closest ranks like numpy.percentile', () => {
    const s = Float64Array.of(1, 2, 3, 4, 10);
    expect(percentile(s, 50)).toBe(3);
    expect(percentile(s, 99)).toBeCloseTo(4 + 0.96 * 6, 12);
    expect(percentile(Float64Array.of(1, 2, 3, 4), 50)).toBe(2.5);
    expect(() => percentile(new Float64Array(0), 50)).toThrow(RangeError);
  });
});

describe('measureLatency', () => {
  it('warms up, then counts exactly maxRuns timed calls with ordered percentiles', async () => {
    let calls = 0;
    const stats = await measureLatency(async () => void calls++, { warmup: 5, maxRuns: 50, budgetMs: 60_000, minRuns: 10 });
    expect(calls).toBe(55);
    expect(stats.runs).toBe(50);
    expect(stats.minUs).toBeLessThanOrEqual(stats.p50Us);
    expect(stats.p50Us).toBeLessThanOrEqual(stats.p99Us);
  });
});
