import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { resolveExperimentConfig } from './experiment-config.js';
import type { ExperimentProgress } from './progress-tracker.js';
import { runExperiment } from './run-experiment.js';
import { toyDataset } from '../testing/toy-dataset.js';

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
    await runExperiment({ data, source: { source: 'synthetic', root: 'toy', sampleRate: 32 }, config: warmup });
    const before = tf.memory().numTensors;
    const outcome = await runExperiment({ data, source: { source: 'synthetic', root: 'toy', sampleRate: 32 }, config, onProgress: (p) => events.push(p) });
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
