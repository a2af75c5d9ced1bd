import { describe, expect, it } from 'vitest';
import { timeSteps } from './train-timing.js';

describe('timeSteps', () => {
  it('runs warm-up plus at least minSteps per window and reports consistent throughput', async () => {
    let calls = 0;
    const t = await timeSteps(
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

  it('counts the time settle waits for queued work in each window', async () => {
    let queued = 0;
    const t = await timeSteps(
      () => {
        queued++;
      },
      8,
      { warmup: 1, windows: 2, seconds: 0, minSteps: 4 },
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 5 * queued));
        queued = 0;
      },
    );
    // Each window queues 4 steps, then settles them for ≥ 20 ms: ≥ 5 ms per step.
    expect(t.wallMsPerStep).toBeGreaterThanOrEqual(4.5);
  });
});
