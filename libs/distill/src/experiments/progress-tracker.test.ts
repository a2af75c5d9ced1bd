import { describe, expect, it } from 'vitest';
import type { JobProgress } from './fold-job.js';
import { ProgressTracker } from './progress-tracker.js';

const event = (job: number, method: string, batch: number): JobProgress => ({ job, method, batch, batches: 10, epoch: 1, epochs: 2, loss: 1, plannedBatches: 20 });

describe('ProgressTracker', () => {
  it('counts batches against the plan and drops what early stopping skipped', () => {
    const t = new ProgressTracker(
      [
        { job: 0, methods: [{ method: 'teacher', batches: 4 }, { method: 's', batches: 4 }] },
        { job: 1, methods: [{ method: 'teacher', batches: 4 }, { method: 's', batches: 4 }] },
      ],
      2,
      2,
    );
    expect(t.update(event(0, 'teacher', 1)).fraction).toBeCloseTo(1 / 16, 9);
    // Job 0's teacher stopped after 1 of 4 batches: its other 3 leave the plan (13 planned, 2 done).
    expect(t.update(event(0, 's', 1)).fraction).toBeCloseTo(2 / 13, 9);
    t.finish(0);
    // Job 0 finished with 3 of its student batches unused: 10 planned, 3 done.
    expect(t.update(event(1, 'teacher', 1)).fraction).toBeCloseTo(3 / 10, 9);
    t.finish(1);
    expect(t.update({ ...event(1, 's', 0), record: { epoch: 1, trainLoss: 1, valLoss: 1, valAccuracy: 1, learningRate: 1 } }).fraction).toBe(1);
  });

  it('estimates the time left once a few teacher batches were timed', () => {
    const t = new ProgressTracker([{ job: 0, methods: [{ method: 'teacher', batches: 100 }] }], 1, 1);
    let last = t.update(event(0, 'teacher', 1));
    expect(last.etaMs).toBeUndefined();
    for (let b = 2; b <= 8; b++) last = t.update(event(0, 'teacher', b));
    expect(last.etaMs).toBeGreaterThanOrEqual(0);
    expect(last.folds).toBe(1);
  });
});
