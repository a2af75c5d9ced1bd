/**
 * @module Builds realistic, seeded `ExperimentReport`s for the HTML report's tests: a full run
 * (teacher + five students, five folds, binary task, int8 rows), cut-down variants, and a
 * privileged run (a five-channel lab teacher and a GSR-only reference teacher; wrist students at
 * two sizes × three methods; two CV repeats; paired comparisons; footprints). Metrics are computed
 * from sampled confusion matrices, so every number is consistent with the others.
 */
import {
  comparePaired,
  type EpochRecord,
  type ExampleTrace,
  type ExperimentReport,
  type Footprint,
  type FoldResult,
  type MeanSd,
  type MethodComparison,
  type MethodResult,
  type MetricSet,
  type QuantizationRow,
  type ViewSummary,
} from '@painkd/distill';
import { PRIVILEGED_VIEWS } from '@painkd/distill/testing';
import { mulberry32 } from '@painkd/signals';

/** Labels of the five BioVid pain levels. */
export const CLASS_LABELS = ['BL', 'PA1', 'PA2', 'PA3', 'PA4'] as const;

interface MethodPlan {
  readonly id: string;
  readonly role: 'teacher' | 'student';
  readonly arch: string;
  readonly params: number;
  readonly accuracy: number;
  readonly hyper: Readonly<Record<string, unknown>>;
  /** The run id of a student in a size family (default: `id`). */
  readonly method?: string;
  readonly size?: string;
  /** Default `lab`. */
  readonly view?: string;
}

/** The default experiment's six runs, with plausible target accuracies. */
export const METHOD_PLANS: readonly MethodPlan[] = [
  { id: 'teacher', role: 'teacher', arch: 'gsr-cnn-teacher', params: 148_229, accuracy: 0.44, hyper: { epochs: 60, lr: 1e-3, batch: 64 } },
  { id: 'student-ce', role: 'student', arch: 'gsr-cnn-student', params: 7_861, accuracy: 0.355, hyper: { epochs: 60, lr: 2e-3, loss: 'ce' } },
  { id: 'student-kd', role: 'student', arch: 'gsr-cnn-student', params: 7_861, accuracy: 0.39, hyper: { temperature: 4, alpha: 0.7, lr: 2e-3 } },
  { id: 'student-cosine', role: 'student', arch: 'gsr-cnn-student', params: 7_861, accuracy: 0.375, hyper: { cosineWeight: 0.5, lr: 2e-3 } },
  { id: 'student-fitnets', role: 'student', arch: 'gsr-cnn-student', params: 7_861, accuracy: 0.37, hyper: { hintWeight: 1, hintEpochs: 10 } },
  { id: 'student-dkd', role: 'student', arch: 'gsr-cnn-student', params: 7_861, accuracy: 0.405, hyper: { alpha: 1, beta: 8, temperature: 4 } },
];

function wristStudent(method: string, size: string, params: number, accuracy: number): MethodPlan {
  return { id: `${method}@${size}`, method, size, view: 'wrist', role: 'student', arch: 'student-tiny', params, accuracy, hyper: { loss: method } };
}

/**
 * The privileged run's plans: teacher on five lab channels, a GSR-only reference teacher, and
 * students on the wrist view at sizes `xs` and `m` with CE, KD and DKD (target accuracies on the
 * 5-class scale; the binary task adds 0.42).
 */
export const PRIVILEGED_PLANS: readonly MethodPlan[] = [
  { id: 'teacher', role: 'teacher', arch: 'teacher-cnn', params: 148_997, accuracy: 0.475, hyper: { view: 'lab' }, view: 'lab' },
  { id: 'teacher-gsr', role: 'teacher', arch: 'teacher-cnn', params: 147_845, accuracy: 0.44, hyper: { view: 'lab-gsr' }, view: 'lab-gsr' },
  wristStudent('student-ce', 'xs', 212, 0.3),
  wristStudent('student-kd', 'xs', 212, 0.305),
  wristStudent('student-dkd', 'xs', 212, 0.22),
  wristStudent('student-ce', 'm', 1_530, 0.35),
  wristStudent('student-kd', 'm', 1_530, 0.44),
  wristStudent('student-dkd', 'm', 1_530, 0.355),
];

/** The privileged run's footprints: both student sizes and the teacher. */
export const PRIVILEGED_FOOTPRINTS: readonly Footprint[] = [
  { id: 'xs', role: 'student', arch: 'student-tiny', params: 212, macs: 2_140, fp32Bytes: 4_310, int8Bytes: 2_230, latencyUs: { p50: 31, p99: 38, runtime: 'onnxruntime-node', runs: 500 } },
  { id: 'm', role: 'student', arch: 'student-tiny', params: 1_530, macs: 15_800, fp32Bytes: 9_640, int8Bytes: 3_980, latencyUs: { p50: 44, p99: 52, runtime: 'onnxruntime-node', runs: 500 } },
  { id: 'teacher', role: 'teacher', arch: 'teacher-cnn', params: 148_997, macs: 2_310_000, fp32Bytes: 601_220, latencyUs: { p50: 640, p99: 720, runtime: 'onnxruntime-node', runs: 500 } },
];

/** Every student against the student of its size whose method is `student-ce`, paired by (repeat, fold). */
function comparisons(methods: readonly MethodResult[], folds: number): MethodComparison[] {
  const students = methods.filter((m) => m.role === 'student');
  const accuracy = (m: MethodResult): number[] => m.folds.map((f) => f.metrics.accuracy);
  return students.flatMap((m) => {
    const base = students.find((b) => b.method === 'student-ce' && b.size === m.size);
    if (base === undefined || base === m) return [];
    const paired = comparePaired(accuracy(m), accuracy(base), { testTrainRatio: 1 / Math.max(1, folds - 1) });
    return [{ id: m.id, baseline: base.id, metric: 'accuracy' as const, paired }];
  });
}

/** Options of {@link sampleReport}. */
export interface SampleReportOptions {
  readonly folds?: number;
  /** Ids from {@link METHOD_PLANS} to keep (all by default). */
  readonly methods?: readonly string[];
  readonly binary?: boolean;
  readonly quantization?: boolean;
  /** Add an int8 confusion matrix to each quantisation row (an optional extension). */
  readonly int8Confusion?: boolean;
  /** Add per-class mean traces (`data.classMeans`, an optional field); default true. */
  readonly classMeans?: boolean;
  /** `binary`: the run's main task is baseline vs PA4 (two classes, no separate binary metrics). */
  readonly task?: 'multiclass' | 'binary';
  /** CV repeats (default 1; 2 for `privileged`). */
  readonly repeats?: number;
  /**
   * `privileged`: {@link PRIVILEGED_PLANS} on the binary task with views, footprints and the wrist
   * view normalised per subject (transductive); `methods` then picks from those plans.
   */
  readonly preset?: 'default' | 'privileged';
  readonly seed?: number;
}

type Random = () => number;

function normal(random: Random): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

function round(v: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

/** Samples a confusion matrix whose diagonal share is about `accuracy`, errors mostly to neighbours. */
function sampleConfusion(random: Random, perClass: number, n: number, accuracy: number): number[][] {
  const ends = n > 2 ? 1.35 : 1;
  return Array.from({ length: n }, (_, t) => {
    const correct = Math.min(0.95, Math.max(0.05, accuracy * (t === 0 || t === n - 1 ? ends : 0.8) + 0.04 * normal(random)));
    const weights = Array.from({ length: n }, (_, p) => (p === t ? 0 : Math.exp(-Math.abs(p - t))));
    const wsum = weights.reduce((a, b) => a + b, 0);
    const row = weights.map((w) => Math.floor(((1 - correct) * perClass * w) / wsum));
    row[t] = perClass - row.reduce((a, b) => a + b, 0);
    return row;
  });
}

function metricsOf(confusion: readonly (readonly number[])[]): MetricSet {
  const n = confusion.length;
  let total = 0;
  let right = 0;
  let abs = 0;
  let sq = 0;
  const f1s: number[] = [];
  for (let c = 0; c < n; c += 1) {
    const tp = confusion[c][c];
    const fn = confusion[c].reduce((a, b) => a + b, 0) - tp;
    const fp = confusion.reduce((a, row) => a + row[c], 0) - tp;
    f1s.push(tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn));
    for (let p = 0; p < n; p += 1) {
      const k = confusion[c][p];
      total += k;
      if (p === c) right += k;
      abs += k * Math.abs(p - c);
      sq += k * (p - c) ** 2;
    }
  }
  return {
    accuracy: round(right / total),
    macroF1: round(f1s.reduce((a, b) => a + b, 0) / n),
    mae: round(abs / total),
    rmse: round(Math.sqrt(sq / total)),
    confusion,
  };
}

function meanSd(values: readonly number[]): MeanSd {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const sd = values.length < 2 ? 0 : Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1));
  return { mean: round(mean), sd: round(sd) };
}

function history(random: Random, role: 'teacher' | 'student'): EpochRecord[] {
  const epochs = 18 + Math.floor(random() * (role === 'teacher' ? 22 : 16));
  const floor = role === 'teacher' ? 1.05 : 1.3;
  const best = Math.floor(epochs * 0.7);
  let lr = 1e-3;
  return Array.from({ length: epochs }, (_, e) => {
    if (e > best && (e - best) % 4 === 0) lr /= 2;
    const trainLoss = floor + 0.56 * Math.exp(-e / 6) + 0.01 * normal(random);
    const valLoss = floor + 0.08 + 0.5 * Math.exp(-e / 5) + 0.0025 * (e - best) ** 2 / epochs + 0.015 * normal(random);
    return {
      epoch: e + 1,
      trainLoss: round(trainLoss),
      valLoss: round(valLoss),
      valAccuracy: round(0.2 + 0.2 * (1 - Math.exp(-e / 6)) + 0.01 * normal(random)),
      learningRate: lr,
    };
  });
}

function trace(random: Random, classIndex: number, label: string, level: number, rate: number, samples: number): ExampleTrace {
  const amplitude = 0.12 + 0.2 * level;
  const onset = 1.4;
  const out: number[] = [];
  let drift = 0;
  for (let i = 0; i < samples; i += 1) {
    const t = i / rate;
    drift += 0.002 * normal(random);
    const phasic = t > onset ? amplitude * 1.6 * (Math.exp(-(t - onset) / 2.2) - Math.exp(-(t - onset) / 0.6)) : 0;
    out.push(round(-0.4 + 0.03 * level + drift + phasic + 0.006 * normal(random)));
  }
  return { classIndex, label, subject: `S${String(7 + level * 11).padStart(3, '0')}`, sampleRate: rate, samples: out };
}

/**
 * Builds a seeded sample report. Same options, same report.
 *
 * @example
 * ```ts
 * const oneFold = sampleReport({ folds: 1, methods: ['teacher', 'student-kd'] });
 * ```
 */
export function sampleReport(options: SampleReportOptions = {}): ExperimentReport {
  const privileged = options.preset === 'privileged';
  const folds = options.folds ?? 5;
  const repeats = options.repeats ?? (privileged ? 2 : 1);
  const plans = privileged ? PRIVILEGED_PLANS : METHOD_PLANS;
  const keep = options.methods ?? plans.map((m) => m.id);
  const random = mulberry32(options.seed ?? 20_251_129);
  const subjects = 87;
  const perFold = Array.from({ length: folds }, (_, k) => Math.floor(subjects / folds) + (k < subjects % folds ? 1 : 0));
  const ids = Array.from({ length: subjects }, (_, i) => `S${String(1 + i).padStart(3, '0')}`);
  const testSubjects = Array.from({ length: repeats }, (_, r) => {
    const order = r === 0 ? ids : shuffled(ids, random);
    return perFold.map((count, k) => {
      const start = perFold.slice(0, k).reduce((a, b) => a + b, 0);
      return order.slice(start, start + count);
    });
  });
  const foldShift = Array.from({ length: folds * repeats }, () => 0.03 * normal(random));
  const binaryTask = privileged || options.task === 'binary';
  const labels: readonly string[] = binaryTask ? ['BL', 'PA4'] : CLASS_LABELS;
  const levels = binaryTask ? [0, 4] : [0, 1, 2, 3, 4];
  const n = labels.length;
  const pairs = Array.from({ length: folds * repeats }, (_, i) => ({ repeat: Math.floor(i / folds), fold: i % folds }));
  const methods: MethodResult[] = plans.filter((p) => keep.includes(p.id)).map((plan) => {
    const foldResults: FoldResult[] = pairs.map(({ repeat, fold: k }, i) => {
      const count = perFold[k] ?? 0;
      const acc = plan.accuracy + (binaryTask ? 0.42 : 0) + (foldShift[i] ?? 0) + 0.012 * normal(random);
      const metrics = metricsOf(sampleConfusion(random, count * 20, n, acc));
      const binary = options.binary === false || binaryTask ? undefined : metricsOf(sampleConfusion(random, count * 20, 2, Math.min(0.95, acc + 0.42)));
      const h = history(random, plan.role);
      return {
        repeat,
        fold: k,
        testSubjects: testSubjects[repeat]?.[k] ?? [],
        metrics,
        ...(binary === undefined ? {} : { binary }),
        history: h,
        epochsRun: h.length,
        trainMs: Math.round((plan.role === 'teacher' ? 21_000 : 6_500) * (0.8 + 0.4 * random())),
      };
    });
    const pick = (f: (m: MetricSet) => number): MeanSd => meanSd(foldResults.map((r) => f(r.metrics)));
    const confusion = Array.from({ length: n }, (_, t) =>
      Array.from({ length: n }, (_, p) => foldResults.reduce((a, r) => a + (r.metrics.confusion[t]?.[p] ?? 0), 0)),
    );
    const binaryFolds = foldResults.flatMap((r) => (r.binary === undefined ? [] : [r.binary]));
    return {
      id: plan.id,
      role: plan.role,
      method: plan.method ?? plan.id,
      ...(plan.size === undefined ? {} : { size: plan.size }),
      view: plan.view ?? 'lab',
      ...(plan.role === 'student' && (plan.method ?? plan.id) !== 'student-ce' ? { teacher: 'teacher' } : {}),
      arch: plan.arch,
      params: plan.params,
      hyper: plan.hyper,
      folds: foldResults,
      summary: {
        accuracy: pick((m) => m.accuracy),
        macroF1: pick((m) => m.macroF1),
        mae: pick((m) => m.mae),
        rmse: pick((m) => m.rmse),
        confusion,
        ...(binaryFolds.length === 0
          ? {}
          : { binary: { accuracy: meanSd(binaryFolds.map((b) => b.accuracy)), macroF1: meanSd(binaryFolds.map((b) => b.macroF1)) } }),
      },
      trainMs: foldResults.reduce((a, r) => a + r.trainMs, 0),
    };
  });
  const student = methods.filter((m) => m.role === 'student').sort((a, b) => b.summary.accuracy.mean - a.summary.accuracy.mean)[0];
  const quantization: QuantizationRow[] | undefined =
    options.quantization === false || student === undefined
      ? undefined
      : student.folds
          .filter((f) => f.repeat === 0)
          .map((f) => {
            const int8Matrix = f.metrics.confusion.map((row, t) => {
              const moved = row.map((c) => c);
              const shift = Math.min(moved[t] ?? 0, Math.round(random() * 3));
              moved[t] = (moved[t] ?? 0) - shift;
              const to = t === n - 1 ? t - 1 : t + 1;
              moved[to] = (moved[to] ?? 0) + shift;
              return moved;
            });
            const int8 = metricsOf(int8Matrix);
            const int8Row = { accuracy: int8.accuracy, macroF1: int8.macroF1, mae: int8.mae };
            return {
              fold: f.fold,
              fp32: { accuracy: f.metrics.accuracy, macroF1: f.metrics.macroF1, mae: f.metrics.mae },
              int8: options.int8Confusion === false ? int8Row : { ...int8Row, confusion: int8Matrix },
            };
          });
  const rate = privileged ? 4 : 32;
  const windowSamples = privileged ? 22 : 176;
  const views: readonly ViewSummary[] = privileged
    ? PRIVILEGED_VIEWS
    : [{ name: 'lab', seenBy: ['teacher', 'students'], channels: ['gsr:level'], sampleRate: rate, windowSamples, wearable: false }];
  const compared = comparisons(methods, folds);
  return {
    schemaVersion: 1,
    painkdVersion: '0.1.0',
    createdAt: '2026-11-29T02:00:00.000Z',
    config: {
      profile: folds === 1 ? 'quick' : 'full',
      preset: privileged ? 'privileged' : 'default',
      seed: 7,
      preprocess: { modelSampleRate: 32, windowSeconds: 5.5, savgolWindow: 11, normalise: 'minmax-safe' },
      ...(privileged
        ? { views: { lab: {}, 'lab-gsr': {}, wrist: { preprocess: { sampleRate: 4, normalization: { method: 'zscore', scope: 'subject' } }, wearable: {} } } }
        : { views: { lab: {} } }),
      methods: methods.map((m) => ({ id: m.id, ...m.hyper })),
    },
    data: {
      source: 'synthetic',
      root: '.cache/painkd/synthetic-cohort',
      subjects,
      windowsPerClass: Array.from({ length: n }, () => subjects * 20),
      sampleRate: rate,
      windowSamples,
      views,
      examples: levels.map((level, c) => trace(random, c, labels[c] ?? String(c), level, rate, windowSamples)),
      ...(options.classMeans === false
        ? {}
        : { classMeans: levels.map((level, c) => ({ ...trace(random, c, labels[c] ?? String(c), level, rate, windowSamples), subject: 'all' })) }),
    },
    cv: { scheme: 'group-kfold', folds, repeats, seed: 7 },
    task: binaryTask ? 'binary' : 'multiclass',
    classLabels: [...labels],
    methods,
    ...(compared.length === 0 ? {} : { comparisons: compared }),
    ...(privileged ? { footprints: PRIVILEGED_FOOTPRINTS } : {}),
    ...(quantization === undefined ? {} : { quantization }),
    wallMs: methods.reduce((a, m) => a + m.trainMs, 0) + 4_200,
  };
}

/** A seeded Fisher–Yates shuffle (a CV repeat deals the subjects anew). */
function shuffled<T>(items: readonly T[], random: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * A `bench/latency.json` in the shape the report accepts: teacher fp32, student fp32 and int8 on
 * three runtimes at batch 1 and 32, with file sizes.
 *
 * @example
 * ```ts
 * const latency = sampleLatency();
 * ```
 */
export function sampleLatency(): unknown {
  const runtimes: readonly [string, number][] = [
    ['onnxruntime-node', 1],
    ['onnxruntime-web', 2.6],
    ['tfjs-wasm', 9],
  ];
  const models: readonly [string, string, number, number][] = [
    ['teacher', 'fp32', 610, 598_340],
    ['student', 'fp32', 24, 33_120],
    ['student', 'int8', 17, 14_980],
  ];
  const rows = runtimes.flatMap(([runtime, slow]) =>
    [1, 32].flatMap((batch) =>
      models.map(([model, precision, us, size]) => ({
        model,
        precision,
        runtime,
        batch,
        p50Us: round(us * slow * (batch === 1 ? 1 : 9.5), 1),
        p99Us: round(us * slow * (batch === 1 ? 1 : 9.5) * 1.45, 1),
        sizeBytes: size,
      })),
    ),
  );
  return { schemaVersion: 1, createdAt: '2026-11-29T02:10:00.000Z', rows };
}
