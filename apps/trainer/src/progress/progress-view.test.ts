import { describe, expect, it } from 'vitest';
import type { ExperimentProgress } from '@painkd/distill';
import { bar, formatDuration } from './format.js';
import { createProgressView } from './progress-view.js';

const base: ExperimentProgress = { job: 1, folds: 3, method: 'teacher', epoch: 2, epochs: 10, batch: 0, batches: 0, loss: 1.23456, plannedBatches: 100, fraction: 0.25, etaMs: 95_000, elapsedMs: 30_000 };

describe('createProgressView', () => {
  it('prints one plain line per finished epoch when not a terminal', () => {
    const out: string[] = [];
    const view = createProgressView({ write: (t: string) => out.push(t), isTTY: false });
    view.update({ ...base, batch: 3, batches: 10 });
    view.update({ ...base, record: { epoch: 2, trainLoss: 1.23456, valLoss: 1.5, valAccuracy: 0.4, learningRate: 0.002 } });
    expect(out).toEqual(['fold 2/3 teacher epoch 2/10 loss 1.2346 val_loss 1.5000 val_acc 40.0% lr 0.0020 | total  25% · elapsed 30s · ETA 1m35s\n']);
  });

  it('redraws live bars in place on a terminal', () => {
    const out: string[] = [];
    const view = createProgressView({ write: (t: string) => out.push(t), isTTY: true, columns: 120 });
    const jobs = { queued: 3, running: 2, done: 1, workers: 2 };
    view.update({ ...base, batch: 5, batches: 10, jobs });
    view.update({ ...base, job: -1, method: 'student-kd', jobs });
    const last = out.at(-1)!;
    expect(last.startsWith('\x1b[2F')).toBe(true);
    expect(last).toContain('jobs 3 queued, 2 running, 1 done · 2 workers');
    expect(last).toContain('fold 2/3');
    expect(last).toContain('final');
    expect(last).toContain('ETA 1m35s');
    // A third method while two run: the oldest line goes.
    view.update({ ...base, job: 0, method: 'student-ce', jobs });
    expect(out.at(-1)!).not.toContain('fold 2/3');
  });
});

describe('formatters', () => {
  it('format durations and bars', () => {
    expect([formatDuration(999), formatDuration(61_000), formatDuration(3_720_000), formatDuration(undefined)]).toEqual(['1s', '1m01s', '1h02m', '–']);
    expect(bar(0.5, 8)).toBe('████░░░░');
    expect(bar(2, 4)).toBe('████');
  });
});
