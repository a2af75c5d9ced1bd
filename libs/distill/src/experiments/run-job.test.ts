import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { resolveExperimentConfig } from './experiment-config.js';
import type { StudentJobResult, TeachersJobResult } from './experiment-job.js';
import { planExperiment, unitFold, type Unit } from './experiment-plan.js';
import { runExperimentJob } from './run-job.js';
import { toyViews } from '../testing/toy-dataset.js';

const small = { filters: [4, 4], kernelSizes: [5, 3], hiddenUnits: 8, bnMomentum: 0.9 };
const config = resolveExperimentConfig({
  views: { lab: {}, wrist: {} },
  cv: { folds: 2 },
  training: { epochs: 1, batchSize: 32 },
  teacher: { net: { arch: 'teacher-cnn', config: small }, view: 'lab' },
  references: [{ id: 'teacher-wrist', net: { arch: 'teacher-cnn', config: small }, view: 'wrist' }],
  student: { arch: 'student-tiny', config: small, view: 'wrist' },
  runs: [
    { id: 'student-ce', loss: { ce: 1 } },
    { id: 'student-kd', loss: { ce: 0.5, kd: { weight: 0.5, temperature: 2 } } },
  ],
  final: { enabled: false, student: 'auto' },
  workers: 1,
  backend: 'cpu',
});
const plan = planExperiment(toyViews(4, 2), config);
const unit: Unit = { kind: 'fold', repeat: 0, fold: 1 };

describe('runExperimentJob', () => {
  it('caches only the teachers a student distils from, row-aligned with the training windows, and frees every tensor', async () => {
    await tf.setBackend('cpu');
    const before = tf.memory().numTensors;
    const teachers = (await runExperimentJob({ kind: 'teachers', unit }, plan, {})) as TeachersJobResult;
    expect(teachers.results.map((r) => r.id)).toEqual(['teacher', 'teacher-wrist']);
    expect(Object.keys(teachers.caches)).toEqual(['teacher']);
    const cache = teachers.caches.teacher!;
    expect(cache.rows).toBe(unitFold(plan, unit).train.length);
    expect([cache.logits.length, cache.hidden.length]).toEqual([cache.rows * 5, cache.rows * cache.hiddenSize]);
    const kd = (await runExperimentJob({ kind: 'student', unit, student: 'student-kd' }, plan, teachers.caches)) as StudentJobResult;
    expect(kd.result?.result.testSubjects).toEqual(unitFold(plan, unit).testSubjects);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses a distilling student without its teacher cache, or with one of the wrong size', async () => {
    await tf.setBackend('cpu');
    await expect(runExperimentJob({ kind: 'student', unit, student: 'student-kd' }, plan, {})).rejects.toMatchObject({
      code: 'TRAIN_INVALID_ARGUMENT',
      message: expect.stringContaining('teacher "teacher"'),
    });
    const bad = { rows: 3, classes: 5, hiddenSize: 2, logits: new Float32Array(15), hidden: new Float32Array(6) };
    await expect(runExperimentJob({ kind: 'student', unit, student: 'student-kd' }, plan, { teacher: bad })).rejects.toMatchObject({
      code: 'TRAIN_INVALID_ARGUMENT',
      message: expect.stringMatching(/3 rows .* for \d+ training windows/),
    });
    await expect(runExperimentJob({ kind: 'student', unit, student: 'student-nope' }, plan, {})).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
  });
});
