/**
 * @module Test helpers: small but complete `ExperimentReport`s — a default-style run (2 folds,
 * teacher + 2 students) and a privileged-style run (two teachers on lab views, students on a
 * simulated wrist view at 2 sizes × 3 methods, 2 CV repeats, comparisons, footprints).
 */
import { compareWithBaseline } from '../experiments/compare-methods.js';
import type { ExperimentReport, Footprint, FoldResult, MethodComparison, MethodResult, MetricSet, ViewSummary } from '../experiments/report-types.js';
import { summarizeFolds } from '../metrics/fold-summary.js';

function metrics(accuracy: number): MetricSet {
  return { accuracy, macroF1: accuracy - 0.05, mae: 1 - accuracy, rmse: 1.2 - accuracy, confusion: [[3, 1], [1, 3]] };
}

interface Plan {
  readonly id: string;
  readonly role: 'teacher' | 'student';
  readonly method?: string;
  readonly size?: string;
  readonly view?: string;
  readonly params?: number;
  /** One accuracy per (repeat, fold), repeat-major. */
  readonly accuracies: readonly number[];
}

function method(plan: Plan, folds: number, binary: boolean): MethodResult {
  const { id, role } = plan;
  const results: FoldResult[] = plan.accuracies.map((a, i) => ({
    repeat: Math.floor(i / folds),
    fold: i % folds,
    testSubjects: [`S00${i % folds}`],
    metrics: metrics(a),
    ...(binary ? { binary: metrics(a + 0.1) } : {}),
    history: [{ epoch: 1, trainLoss: 1, valLoss: 1.1, valAccuracy: 0.5, learningRate: 1e-3 }],
    epochsRun: 1,
    trainMs: 1500,
  }));
  return {
    id,
    role,
    method: plan.method ?? id,
    ...(plan.size === undefined ? {} : { size: plan.size }),
    view: plan.view ?? 'lab',
    ...(role === 'student' && plan.method !== 'student-ce' && id !== 'student-ce' ? { teacher: 'teacher' } : {}),
    arch: role === 'teacher' ? 'teacher-cnn' : 'student-tiny',
    params: plan.params ?? (role === 'teacher' ? 123456 : 4321),
    hyper: { loss: { ce: 1 } },
    folds: results,
    summary: summarizeFolds(results),
    trainMs: 3000,
  };
}

/** Every student against the student of its size whose method is `student-ce`, paired by (repeat, fold) as the runner pairs them. */
function comparisons(methods: readonly MethodResult[], folds: number): MethodComparison[] {
  return compareWithBaseline(methods, { baseline: 'student-ce', runs: [] }, 1 / (folds - 1));
}

/** The default-style report: 2 folds, one repeat, teacher + student-ce + student-kd, one comparison. */
export function sampleReport(): ExperimentReport {
  const methods = [
    method({ id: 'teacher', role: 'teacher', accuracies: [0.8, 0.9] }, 2, true),
    method({ id: 'student-ce', role: 'student', accuracies: [0.6, 0.7] }, 2, true),
    method({ id: 'student-kd', role: 'student', accuracies: [0.7, 0.7] }, 2, true),
  ];
  return {
    schemaVersion: 1,
    painkdVersion: '0.1.0',
    createdAt: '2026-01-01T00:00:00.000Z',
    config: {},
    data: {
      source: 'synthetic',
      root: '.cache/x',
      subjects: 2,
      windowsPerClass: [8, 8],
      sampleRate: 32,
      windowSamples: 176,
      views: [{ name: 'lab', seenBy: ['teacher', 'students'], channels: ['gsr:level'], sampleRate: 32, windowSamples: 176, wearable: false }],
      examples: [],
    },
    cv: { scheme: 'group-kfold', folds: 2, repeats: 1, seed: 1 },
    task: 'binary',
    classLabels: ['BL1', 'PA4'],
    methods,
    comparisons: comparisons(methods, 2),
    wallMs: 65_000,
  };
}

/** Views of the privileged sample: five lab channels, lab GSR, and GSR through the wrist sensor. */
export const PRIVILEGED_VIEWS: readonly ViewSummary[] = [
  {
    name: 'lab',
    seenBy: ['teacher'],
    channels: ['gsr:level', 'ecg:heart-rate', 'emg_trapezius:envelope', 'emg_corrugator:envelope', 'emg_zygomaticus:envelope'],
    sampleRate: 32,
    windowSamples: 176,
    wearable: false,
  },
  { name: 'lab-gsr', seenBy: ['teacher-gsr'], channels: ['gsr:level'], sampleRate: 32, windowSamples: 176, wearable: false },
  { name: 'wrist', seenBy: ['students'], channels: ['gsr:level'], sampleRate: 4, windowSamples: 22, wearable: true },
];

/** Footprints of the privileged sample: both sizes and the teacher, latency measured for all. */
export const PRIVILEGED_FOOTPRINTS: readonly Footprint[] = [
  { id: 'xs', role: 'student', arch: 'student-tiny', params: 212, macs: 1_900, fp32Bytes: 4_200, int8Bytes: 2_100, latencyUs: { p50: 38, p99: 45, runtime: 'onnxruntime-node', runs: 200 } },
  { id: 's', role: 'student', arch: 'student-tiny', params: 640, macs: 6_400, fp32Bytes: 6_900, int8Bytes: 3_100, latencyUs: { p50: 52, p99: 61, runtime: 'onnxruntime-node', runs: 200 } },
  { id: 'teacher', role: 'teacher', arch: 'teacher-cnn', params: 148_229, macs: 2_100_000, fp32Bytes: 600_000, latencyUs: { p50: 610, p99: 700, runtime: 'onnxruntime-node', runs: 200 } },
];

/**
 * The privileged-style report: 3 folds × 2 repeats; `teacher` (lab, 5 channels) and `teacher-gsr`
 * (lab GSR); students on the wrist view at sizes `xs` and `s` with CE, KD and DKD. Verdicts:
 * KD@xs "no detectable difference" (3 non-zero pairs: too few), DKD@xs "worse", KD@s "better",
 * DKD@s "no detectable difference" (its CI includes 0). The wrist view is normalised per subject.
 */
export function privilegedSampleReport(): ExperimentReport {
  const folds = 3;
  const plans: Plan[] = [
    { id: 'teacher', role: 'teacher', view: 'lab', params: 148_229, accuracies: [0.9, 0.88, 0.92, 0.89, 0.91, 0.87] },
    { id: 'teacher-gsr', role: 'teacher', view: 'lab-gsr', params: 147_845, accuracies: [0.85, 0.84, 0.86, 0.83, 0.87, 0.85] },
    { id: 'student-ce@xs', role: 'student', method: 'student-ce', size: 'xs', params: 212, accuracies: [0.7, 0.72, 0.68, 0.71, 0.69, 0.7] },
    { id: 'student-kd@xs', role: 'student', method: 'student-kd', size: 'xs', params: 212, accuracies: [0.7, 0.72, 0.7, 0.73, 0.69, 0.71] },
    { id: 'student-dkd@xs', role: 'student', method: 'student-dkd', size: 'xs', params: 212, accuracies: [0.67, 0.7, 0.64, 0.68, 0.65, 0.68] },
    { id: 'student-ce@s', role: 'student', method: 'student-ce', size: 's', params: 640, accuracies: [0.76, 0.78, 0.74, 0.77, 0.75, 0.76] },
    { id: 'student-kd@s', role: 'student', method: 'student-kd', size: 's', params: 640, accuracies: [0.8, 0.83, 0.79, 0.81, 0.8, 0.81] },
    { id: 'student-dkd@s', role: 'student', method: 'student-dkd', size: 's', params: 640, accuracies: [0.77, 0.76, 0.75, 0.78, 0.74, 0.77] },
  ];
  const methods = plans.map((p) => method({ ...p, view: p.view ?? 'wrist' }, folds, false));
  return {
    schemaVersion: 1,
    painkdVersion: '0.1.0',
    createdAt: '2026-01-02T00:00:00.000Z',
    config: {
      preset: 'privileged',
      preprocess: {},
      views: { lab: {}, 'lab-gsr': {}, wrist: { preprocess: { sampleRate: 4, normalization: { method: 'zscore', scope: 'subject' } }, wearable: {} } },
    },
    data: { source: 'synthetic', root: '.cache/p', subjects: 6, windowsPerClass: [60, 60], sampleRate: 4, windowSamples: 22, views: PRIVILEGED_VIEWS, examples: [] },
    cv: { scheme: 'group-kfold', folds, repeats: 2, seed: 1 },
    task: 'binary',
    classLabels: ['BL1', 'PA4'],
    methods,
    comparisons: comparisons(methods, folds),
    footprints: PRIVILEGED_FOOTPRINTS,
    wallMs: 125_000,
  };
}
