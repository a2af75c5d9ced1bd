import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { resolveExperimentConfig } from './experiment-config.js';
import type { ExperimentProgress } from './progress-tracker.js';
import { runExperiment } from './run-experiment.js';
import { toyDataset, toyViews } from '../testing/toy-dataset.js';

const small = { filters: [8, 8], kernelSizes: [5, 3], hiddenUnits: 16, bnMomentum: 0.9 };

describe('runExperiment (in this thread, small nets, separable toy data)', () => {
  it('scores every method on the same folds, trains the best student at the end and frees every tensor', async () => {
    const data = toyDataset(6, 4, 5, 64);
    const config = resolveExperimentConfig({
      cv: { folds: 3 },
      training: { epochs: 6, batchSize: 32, learningRate: 0.01, patience: 6, lrPatience: 3 },
      teacher: { net: { arch: 'teacher-cnn', config: { ...small, filters: [16, 16] } } },
      student: { arch: 'student-tiny', config: small },
      final: { enabled: true, student: 'best' },
      workers: 1,
      backend: 'cpu',
    });
    const events: ExperimentProgress[] = [];
    await tf.setBackend('cpu');
    // A first short run warms up tfjs' own one-off caches (kernels, constants).
    const warmup = resolveExperimentConfig({ ...config, training: { ...config.training, epochs: 1 } });
    await runExperiment({ views: { lab: data }, source: { source: 'synthetic', root: 'toy' }, config: warmup });
    const before = tf.memory().numTensors;
    const outcome = await runExperiment({ views: { lab: data }, source: { source: 'synthetic', root: 'toy' }, config, onProgress: (p) => events.push(p) });
    expect(tf.memory().numTensors - before).toBe(0);

    const { report } = outcome;
    const means = report.data.classMeans ?? [];
    expect(means.map((m) => m.classIndex)).toEqual([0, 1, 2, 3, 4]);
    for (const m of means) {
      const rows = Array.from(data.labels).flatMap((y, i) => (y === m.classIndex ? [i] : []));
      const t = 7;
      const expected = rows.reduce((a, i) => a + data.x[i * data.length * data.channels + t * data.channels]!, 0) / rows.length;
      expect(m.samples).toHaveLength(data.length);
      expect(m.samples[t]).toBeCloseTo(expected, 4);
    }
    expect(report.methods.map((m) => m.id)).toEqual(['teacher', ...config.runs.map((r) => r.id)]);
    const testSets = report.methods[0].folds.map((f) => f.testSubjects);
    for (const m of report.methods) {
      expect(m.folds.map((f) => f.testSubjects)).toEqual(testSets);
      expect(m.summary.confusion.flat().reduce((a, b) => a + b, 0)).toBe(data.labels.length);
    }
    // 18 Adam steps per net: not converged, but well above the 20 % of chance.
    expect(report.methods[0].summary.accuracy.mean).toBeGreaterThan(0.3);
    expect(report.methods[0].folds[0].binary).toBeDefined();

    const bestF1 = Math.max(...report.methods.filter((m) => m.role === 'student').map((m) => m.summary.macroF1.mean));
    const best = report.methods.find((m) => m.role === 'student' && m.summary.macroF1.mean === bestF1)!;
    expect(outcome.final?.student.id).toBe(best.id);
    expect(outcome.final?.trainSubjects).toBe(5);
    expect(outcome.foldStudents).toHaveLength(0);

    expect(events.at(-1)!.fraction).toBeCloseTo(1, 6);
    expect(events.some((e) => e.job === -1 && e.method === best.id)).toBe(true);
    expect(events.some((e) => e.etaMs !== undefined)).toBe(true);
  }, 120_000);
});

describe('runExperiment with separate teacher and student views, a size family and repeated CV', () => {
  const config = resolveExperimentConfig({
    task: 'binary',
    views: { lab: {}, wrist: {} },
    cv: { folds: 3, repeats: 2 },
    training: { epochs: 2, batchSize: 32, learningRate: 0.01 },
    teacher: { net: { arch: 'teacher-cnn', config: { ...small, filters: [8, 8] } }, view: 'lab' },
    references: [{ id: 'teacher-wrist', net: { arch: 'teacher-cnn', config: { ...small, filters: [8, 8] } }, view: 'wrist' }],
    student: { arch: 'student-tiny', config: small, view: 'wrist', sizes: [{ id: 'xs', config: { filters: [2, 2], hiddenUnits: 4 } }, { id: 'm', config: {} }] },
    runs: [
      { id: 'student-ce', loss: { ce: 1 } },
      { id: 'student-kd', loss: { ce: 0.5, kd: { weight: 0.5, temperature: 2 } } },
      { id: 'student-kd-wrist', loss: { ce: 0.5, kd: { weight: 0.5, temperature: 2 } }, teacher: 'teacher-wrist' },
    ],
    final: { enabled: true, student: 'auto' },
    workers: 1,
    backend: 'cpu',
  });

  it('trains each teacher on its view and every student on the student view, on the same (repeat, fold) pairs', async () => {
    await tf.setBackend('cpu');
    const views = toyViews(6, 2);
    const outcome = await runExperiment({ views, source: { source: 'synthetic', root: 'toy' }, config });
    const { report } = outcome;
    const ids = report.methods.map((m) => m.id);
    expect(ids).toEqual([
      'teacher',
      'teacher-wrist',
      'student-ce@xs',
      'student-kd@xs',
      'student-kd-wrist@xs',
      'student-ce@m',
      'student-kd@m',
      'student-kd-wrist@m',
    ]);
    const teacher = report.methods[0]!;
    const xs = report.methods.find((m) => m.id === 'student-kd@xs')!;
    expect(teacher.view).toBe('lab');
    expect(xs).toMatchObject({ view: 'wrist', method: 'student-kd', size: 'xs', teacher: 'teacher' });
    expect(report.methods.find((m) => m.id === 'student-kd-wrist@m')!.teacher).toBe('teacher-wrist');
    expect(xs.params).toBeLessThan(report.methods.find((m) => m.id === 'student-kd@m')!.params);
    // 2 repeats × 3 folds, the same pairs for every method, different partitions per repeat.
    for (const m of report.methods) expect(m.folds.map((f) => [f.repeat, f.fold])).toEqual([[0, 0], [0, 1], [0, 2], [1, 0], [1, 1], [1, 2]]);
    const partition = (r: number): string[] => teacher.folds.filter((f) => f.repeat === r).map((f) => [...f.testSubjects].sort().join(','));
    expect(partition(0)).not.toEqual(partition(1));
    expect(report.cv).toMatchObject({ folds: 3, repeats: 2 });
    // Every distilling student against CE at its own size.
    expect(report.comparisons!.map((c) => [c.id, c.baseline])).toEqual([
      ['student-kd@xs', 'student-ce@xs'],
      ['student-kd-wrist@xs', 'student-ce@xs'],
      ['student-kd@m', 'student-ce@m'],
      ['student-kd-wrist@m', 'student-ce@m'],
    ]);
    expect(report.comparisons![0]!.paired.n).toBe(6);
    expect(report.data.views!.map((v) => [v.name, v.windowSamples, v.seenBy])).toEqual([
      ['lab', 64, ['teacher']],
      ['wrist', 16, ['teacher-wrist', 'students']],
    ]);
    // The final student is KD at the largest size, on the student view's input.
    expect(outcome.final!.student.id).toBe('student-kd@m');
    expect(outcome.final!.student.spec.input).toEqual({ length: 16, channels: 1 });
    expect(outcome.final!.teacher.spec.input).toEqual({ length: 64, channels: 2 });
    expect(outcome.data.length).toBe(16);
    expect(outcome.foldStudents.map((f) => f.fold)).toEqual([0, 1, 2]);
  }, 120_000);

  it('refuses views that are not aligned, naming them', async () => {
    const views = toyViews(6, 2);
    const shuffled = { ...views.wrist!, labels: Int32Array.from(views.wrist!.labels).reverse() };
    await expect(runExperiment({ views: { ...views, wrist: shuffled }, source: { source: 'synthetic', root: 'toy' }, config })).rejects.toMatchObject({
      code: 'DATASET_INVALID',
      message: expect.stringMatching(/views "lab" and "wrist" are not aligned/),
    });
  });
});
