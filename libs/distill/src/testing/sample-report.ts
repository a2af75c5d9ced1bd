/** @module Test helper: a small but complete `ExperimentReport` (2 folds, teacher + 2 students). */
import type { ExperimentReport, FoldResult, MethodResult, MetricSet } from '../experiments/report-types.js';
import { summarizeFolds } from '../metrics/fold-summary.js';

function metrics(accuracy: number): MetricSet {
  return { accuracy, macroF1: accuracy - 0.05, mae: 1 - accuracy, rmse: 1.2 - accuracy, confusion: [[3, 1], [1, 3]] };
}

function method(id: string, role: 'teacher' | 'student', accuracies: readonly number[]): MethodResult {
  const folds: FoldResult[] = accuracies.map((a, fold) => ({
    repeat: 0,
    fold,
    testSubjects: [`S00${fold}`],
    metrics: metrics(a),
    binary: metrics(a + 0.1),
    history: [{ epoch: 1, trainLoss: 1, valLoss: 1.1, valAccuracy: 0.5, learningRate: 1e-3 }],
    epochsRun: 1,
    trainMs: 1500,
  }));
  return { id, role, method: id, view: 'lab', arch: role === 'teacher' ? 'teacher-cnn' : 'student-tiny', params: role === 'teacher' ? 123456 : 4321, hyper: { loss: { ce: 1 } }, folds, summary: summarizeFolds(folds), trainMs: 3000 };
}

/** The report. */
export function sampleReport(): ExperimentReport {
  return {
    schemaVersion: 1,
    painkdVersion: '0.1.0',
    createdAt: '2026-01-01T00:00:00.000Z',
    config: {},
    data: { source: 'synthetic', root: '.cache/x', subjects: 2, windowsPerClass: [8, 8], sampleRate: 32, windowSamples: 176, examples: [] },
    cv: { scheme: 'group-kfold', folds: 2, repeats: 1, seed: 1 },
    task: 'binary',
    classLabels: ['BL1', 'PA4'],
    methods: [method('teacher', 'teacher', [0.8, 0.9]), method('student-ce', 'student', [0.6, 0.7]), method('student-kd', 'student', [0.7, 0.7])],
    wallMs: 65_000,
  };
}
