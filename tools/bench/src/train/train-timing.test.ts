import { describe, expect, it } from 'vitest';
import { timeSteps } from './train-timing.js';

describe('timeSteps', () => {
  it('runs warm-up plus at least minSteps per window and reports consistent throughput', () => {
    let calls = 0;
    const t = timeSteps(
      () => {
        calls++;
        const until = performance.now() + 0.5;
        while (performance.now() < until);
      },
      32,
      { warmup: 3, windows: 4, seconds: 0, minSteps: 5 },
    );
    expect(calls).toBe(3 + 4 * 5);
    expect(t.steps).toBe(20);
    expect(t.samplesPerSecWall).toBeCloseTo((32 * 1000) / t.wallMsPerStep, 6);
    expect(t.samplesPerSecCpu).toBeCloseTo((32 * 1000) / t.cpuMsPerStep, 6);
  });
});
