import { describe, expect, it } from 'vitest';
import { resolveExperimentConfig } from './experiment-config.js';
import type { StudentJobResult, TeachersJobResult } from './experiment-job.js';
import type { Unit } from './experiment-plan.js';
import { inThreadExecutor, workerPoolExecutor } from './job-executor.js';
import { runExperiment } from './run-experiment.js';
import { toyDataset } from '../testing/toy-dataset.js';

describe('worker pool', () => {
  it('brings a job error back with its message and stable code, and shuts the workers down', async () => {
    const config = resolveExperimentConfig({
      cv: { folds: 2 },
      training: { epochs: 1 },
      teacher: { net: { arch: 'no-such-net', config: {} } },
      final: { enabled: false, student: 'auto' },
      workers: 2,
      backend: 'cpu',
    });
    const run = runExperiment({ views: { lab: toyDataset(4, 1, 5, 32) }, source: { source: 'synthetic', root: 'toy' }, config });
    await expect(run).rejects.toMatchObject({ code: 'NET_ARCH_UNKNOWN', message: expect.stringContaining('no-such-net') });
  }, 60_000);

  it('gives the same results as this thread, bit for bit, for the same jobs', async () => {
    const small = { filters: [4, 4], kernelSizes: [5, 3], hiddenUnits: 8, bnMomentum: 0.9 };
    const config = resolveExperimentConfig({
      cv: { folds: 2 },
      training: { epochs: 2, batchSize: 16 },
      teacher: { net: { arch: 'teacher-cnn', config: small } },
      student: { arch: 'student-tiny', config: small },
      runs: [{ id: 'student-kd', loss: { ce: 0.5, kd: { weight: 0.5, temperature: 2 } } }],
      final: { enabled: false, student: 'auto' },
      backend: 'cpu',
    });
    const context = { key: 'toy', views: { lab: toyDataset(4, 2, 5, 32) }, config };
    const unit: Unit = { kind: 'fold', repeat: 0, fold: 0 };
    const jobs = async (executor: Awaited<ReturnType<typeof inThreadExecutor>>): Promise<[TeachersJobResult, StudentJobResult]> => {
      try {
        const teachers = (await executor.run(context, { kind: 'teachers', unit }, {}, () => undefined)) as TeachersJobResult;
        const student = (await executor.run(context, { kind: 'student', unit, student: 'student-kd' }, teachers.caches, () => undefined)) as StudentJobResult;
        return [teachers, student];
      } finally {
        await executor.close();
      }
    };
    const [here, pool] = [await jobs(await inThreadExecutor('cpu')), await jobs(await workerPoolExecutor('cpu', 2))];
    expect(pool[0].caches.teacher!.logits).toEqual(here[0].caches.teacher!.logits);
    const scores = ([t, s]: [TeachersJobResult, StudentJobResult]) => [t.results[0]!.result.metrics, t.results[0]!.result.history, s.result!.result.metrics, s.result!.result.history];
    expect(scores(pool)).toEqual(scores(here));
  }, 60_000);
});
