import { describe, expect, it } from 'vitest';
import { resolveExperimentConfig } from './experiment-config.js';
import type { ExperimentJob, TeacherCaches } from './experiment-job.js';
import { initialUnits, planExperiment } from './experiment-plan.js';
import type { JobExecutor } from './job-executor.js';
import type { JobCounts } from './progress-tracker.js';
import { localScheduler } from './unit-scheduler.js';
import { toyDataset } from '../testing/toy-dataset.js';

describe('localScheduler', () => {
  it('runs each unit’s teacher job before its students, gives each student only its own teacher’s cache, and counts jobs', async () => {
    const config = resolveExperimentConfig({
      cv: { folds: 2 },
      runs: [
        { id: 'student-ce', loss: { ce: 1 } },
        { id: 'student-kd', loss: { ce: 0.5, kd: { weight: 0.5, temperature: 2 } } },
      ],
      final: { enabled: false, student: 'auto' },
    });
    const plan = planExperiment({ lab: toyDataset(4, 1, 5, 32) }, config);
    const cache = { rows: 1, classes: 5, hiddenSize: 1, logits: new Float32Array(5), hidden: new Float32Array(1) };
    const calls: { job: ExperimentJob; caches: TeacherCaches }[] = [];
    const executor: JobExecutor = {
      backend: 'fake',
      capacity: 2,
      run: async (_context, job, caches) => {
        calls.push({ job, caches });
        await new Promise((resolve) => setTimeout(resolve, 1));
        if (job.kind === 'teachers') return { kind: 'teachers', unit: job.unit, backend: 'fake', results: [], caches: { teacher: cache } };
        return { kind: 'student', unit: job.unit, backend: 'fake', student: job.student };
      },
      close: async () => undefined,
    };
    const counts: JobCounts[] = [];
    const results = await localScheduler(executor, plan, plan.views).run(initialUnits(plan), { onProgress: () => undefined, onFinished: () => undefined, onCounts: (c) => counts.push(c) });
    expect(results.map((r) => r.unit)).toEqual(initialUnits(plan));
    for (const fold of [0, 1]) {
      const mine = calls.filter((c) => c.job.unit.kind === 'fold' && c.job.unit.fold === fold);
      expect(mine.map((c) => (c.job.kind === 'student' ? c.job.student : 'teachers'))).toEqual(['teachers', 'student-ce', 'student-kd']);
      expect(mine.map((c) => Object.keys(c.caches))).toEqual([[], [], ['teacher']]);
    }
    expect(counts.at(-1)).toEqual({ queued: 0, running: 0, done: 6, workers: 2 });
    expect(Math.max(...counts.map((c) => c.running))).toBe(2);
  });
});
