import { describe, expect, it } from 'vitest';
import type { JobProgress } from './experiment-job.js';
import { ProgressTracker } from './progress-tracker.js';

const event = (job: number, method: string, batch: number): JobProgress => ({ job, method, batch, batches: 10, epoch: 1, epochs: 2, loss: 1, plannedBatches: 20 });

describe('ProgressTracker', () => {
  it('counts batches against the plan and drops what early stopping skipped', () => {
    const t = new ProgressTracker(
      [
        { job: 0, methods: [{ method: 'teacher', batches: 4, teacher: true }, { method: 's', batches: 4, teacher: false }] },
        { job: 1, methods: [{ method: 'teacher', batches: 4, teacher: true }, { method: 's', batches: 4, teacher: false }] },
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
    const t = new ProgressTracker([{ job: 0, methods: [{ method: 'teacher', batches: 100, teacher: true }] }], 1, 1);
    let last = t.update(event(0, 'teacher', 1));
    expect(last.etaMs).toBeUndefined();
    for (let b = 2; b <= 8; b++) last = t.update(event(0, 'teacher', b));
    expect(last.etaMs).toBeGreaterThanOrEqual(0);
    expect(last.folds).toBe(1);
  });

  it('expects unfinished methods to stop as early as the finished ones of their kind did', () => {
    const plans = [0, 1].map((job) => ({ job, methods: [{ method: 'teacher', batches: 20, teacher: true }] }));
    const t = new ProgressTracker(plans, 1, 2);
    const spin = (): void => {
      const until = performance.now() + 0.2;
      while (performance.now() < until);
    };
    for (let b = 1; b <= 10; b++) {
      spin(); // every timed batch costs > 0 ms, so the ETA is a positive multiple of the batch count
      t.update(event(0, 'teacher', b));
    }
    const before = t.update(event(0, 'teacher', 11)).etaMs!;
    t.finish(0); // job 0's teacher stopped after 11 of 20 planned batches
    const after = t.update(event(1, 'teacher', 1)).etaMs!;
    // Before: 9 + 20 batches expected; after: 11 of job 1's 20 (the finished share) minus 1 done.
    expect(after / before).toBeCloseTo(10 / 29, 1);
  });

  it('counts batches from thinned-out events (a remote worker sends a few per second) and epoch ends', () => {
    const t = new ProgressTracker([{ job: 0, methods: [{ method: 's', batches: 20, teacher: false }] }], 1, 1);
    // 10 batches per epoch, 2 epochs: batch 3 of epoch 1, then the epoch end, then batch 4 of epoch 2.
    expect(t.update({ ...event(0, 's', 3), batches: 10 }).fraction).toBeCloseTo(3 / 20, 9);
    expect(t.update({ ...event(0, 's', 0), epoch: 1, record: { epoch: 1, trainLoss: 1, valLoss: 1, valAccuracy: 1, learningRate: 1 } }).fraction).toBeCloseTo(10 / 20, 9);
    t.setCounts({ queued: 1, running: 2, done: 3, workers: 4 });
    const last = t.update({ ...event(0, 's', 4), epoch: 2, batches: 10 });
    expect(last.fraction).toBeCloseTo(14 / 20, 9);
    expect(last.jobs).toEqual({ queued: 1, running: 2, done: 3, workers: 4 });
  });
});
