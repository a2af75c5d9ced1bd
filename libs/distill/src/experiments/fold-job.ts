/**
 * @module One unit of experiment work, identical in the main thread and in a worker: a CV fold
 * (teacher, then every student from the teacher's cached outputs) or the final training on all
 * subjects.
 */
import * as tf from '@tensorflow/tfjs';
import { buildNetSpec, createHintRegressor, createNet, type HintRegressor, type Net, type NetIo, type NetSpec, type NetWeights } from '@painkd/models';
import { deriveSeed } from '@painkd/signals';
import { studentRuns, teacherRuns, type ExperimentConfig, type TeacherRun, type TrainingConfig } from './experiment-config.js';
import type { EpochRecord, FoldResult } from './report-types.js';
import type { Fold } from '../cv/fold.js';
import { gatherLabels, gatherWindows, type WindowDataset } from '../data/window-dataset.js';
import { binaryTaskMetrics } from '../metrics/binary-task.js';
import { scoreLogits } from '../metrics/score-logits.js';
import { DistillError } from '../errors.js';
import { needsRegressor, needsTeacher, type LossSpec } from '../training/loss-spec.js';
import type { TeacherBatch } from '../training/objective.js';
import { predictLogits, teacherOutputs } from '../training/predict.js';
import { trainNet, type BatchProgress, type TrainData, type TrainOutcome } from '../training/train-net.js';

/** A job: one fold of one CV repeat, or the final training on all subjects. */
export type FoldJob =
  | { readonly kind: 'fold'; readonly repeat: number; readonly fold: Fold; readonly keepStudent?: string }
  | { readonly kind: 'final'; readonly fold: Fold; readonly student: string };

/**
 * The windows of every view an experiment uses, by view name. Window i of each view is the same
 * recording (same subject, class and trial) seen through that view; labels and subjects agree.
 */
export type ViewDatasets = Readonly<Record<string, WindowDataset>>;

/** A trained net as plain data (structured-clone safe: crosses worker boundaries). */
export interface TrainedNet {
  readonly spec: NetSpec;
  readonly weights: NetWeights;
  readonly params: number;
}

/** Progress of a job, after each mini-batch or epoch. */
export interface JobProgress extends BatchProgress {
  /** Job number: `repeat · foldsPerRepeat + fold`, or {@link FINAL_JOB}. */
  readonly job: number;
  readonly method: string;
  /** Planned batches of this method if it ran every epoch (for the ETA). */
  readonly plannedBatches: number;
  readonly record?: EpochRecord;
}

/** What a fold job returns. */
export interface FoldJobResult {
  readonly kind: 'fold';
  readonly repeat: number;
  readonly fold: number;
  /** Method id → result on this fold (teachers first, then students in training order). */
  readonly results: ReadonlyArray<{ readonly id: string; readonly params: number; readonly arch: string; readonly result: FoldResult }>;
  /** The `keepStudent` run's trained net on this fold (for fp32-vs-int8 rows). */
  readonly student?: TrainedNet;
}

/** What a final job returns. */
export interface FinalJobResult {
  readonly kind: 'final';
  /** Subjects the final models trained on, and those held out for early stopping. */
  readonly trainSubjects: number;
  readonly valSubjects: number;
  readonly teacher: TrainedNet & { readonly outcome: Omit<TrainOutcome, 'history'> };
  readonly student: TrainedNet & { readonly id: string; readonly outcome: Omit<TrainOutcome, 'history'> };
}

/** Per-job hooks. */
export interface FoldJobHooks {
  readonly onProgress?: (progress: JobProgress) => void;
  readonly signal?: AbortSignal;
}

/** Job number used in progress events of the final job. */
export const FINAL_JOB = -1;

/**
 * The job number of a fold job (`repeat · foldsPerRepeat + fold`; repeat 0 keeps the fold index)
 * or {@link FINAL_JOB}. Every seed of a job derives from it.
 *
 * @example
 * jobNumber({ kind: 'fold', repeat: 1, fold }, 5); // 5 + fold.index
 */
export function jobNumber(job: FoldJob, foldsPerRepeat: number): number {
  return job.kind === 'final' ? FINAL_JOB : job.repeat * foldsPerRepeat + job.fold.index;
}

/**
 * Runs one job on the active tfjs backend. Every teacher (the teacher and each reference) trains
 * on its own view and, when a student distils from it, leaves its logits and hidden features on
 * the fold's training windows in a cache; every student then trains on the student view, its
 * mini-batches gathered by the same window indices from the cache (window i of both views is
 * one recording). Seeds: each teacher from (seed, job, "teacher"[, reference]); every student of
 * a job starts from the **same** initial weights and batch order (seed, job, "student"), so
 * students of one size differ only by their loss — a paired comparison.
 *
 * @example
 * const result = await runFoldJob({ kind: 'fold', repeat: 0, fold }, views, config, { onProgress });
 */
export async function runFoldJob(job: FoldJob, views: ViewDatasets, config: ExperimentConfig, hooks: FoldJobHooks = {}): Promise<FoldJobResult | FinalJobResult> {
  const { fold } = job;
  const index = jobNumber(job, foldsPerRepeat(config, views));
  const students = job.kind === 'final' ? studentRuns(config).filter((s) => s.id === job.student) : studentRuns(config);
  const used = new Set(students.filter((s) => needsTeacher(s.loss)).map((s) => s.teacher));
  const teachers = teacherRuns(config).filter((t) => job.kind === 'fold' || t.id === 'teacher' || used.has(t.id));
  const split = new FoldTensors(views, fold);
  const results: { id: string; params: number; arch: string; result: FoldResult }[] = [];
  const caches = new Map<string, TrainedTeacher>();
  try {
    let exported: FinalJobResult['teacher'] | undefined;
    for (const [t, run] of teachers.entries()) {
      const initSeed = deriveSeed(config.seed, 0x7465, index, ...(t === 0 ? [] : [t]));
      const teacher = await trainTeacher(run, split.of(run.view), split.shape(run.view), initSeed, config.seed, index, hooks);
      if (used.has(run.id)) caches.set(run.id, teacher);
      try {
        const testX = split.of(run.view).testX;
        if (testX) results.push({ id: run.id, params: teacher.net.params, arch: teacher.net.spec.arch, result: evaluate(teacher.predict(testX), split.testLabels, fold, job, teacher.outcome) });
        if (job.kind === 'final' && run.id === 'teacher') exported = { ...teacher.net, weights: teacher.weights(), outcome: withoutHistory(teacher.outcome) };
      } finally {
        teacher.disposeNet();
        if (!used.has(run.id)) teacher.dispose();
      }
    }

    let kept: TrainedNet | undefined;
    let finalStudent: FinalJobResult['student'] | undefined;
    for (const run of students) {
      const tensors = split.of(run.view);
      const spec = buildNetSpec(run.net.arch, run.net.config, split.shape(run.view));
      const student = createNet(spec, { seed: deriveSeed(config.seed, 0x7374, index) });
      const teacher = needsTeacher(run.loss) ? caches.get(run.teacher) : undefined;
      const regressor = needsRegressor(run.loss) && teacher ? createHintRegressor(student.hiddenSize, teacher.hiddenSize, { seed: deriveSeed(config.seed, 0x7267, index) }) : undefined;
      try {
        const trainData = teacher ? { ...tensors, teacher: teacher.cache } : tensors;
        const outcome = await train(student, run.id, run.loss, trainData, run.training, config.seed, index, false, hooks, regressor);
        if (tensors.testX) results.push({ id: run.id, params: student.paramCount, arch: spec.arch, result: evaluate(predictLogits(student, tensors.testX), split.testLabels, fold, job, outcome) });
        if (job.kind === 'fold' && job.keepStudent === run.id) kept = { spec, weights: student.getWeights(), params: student.paramCount };
        if (job.kind === 'final') finalStudent = { id: run.id, spec, weights: student.getWeights(), params: student.paramCount, outcome: withoutHistory(outcome) };
      } finally {
        student.dispose();
        regressor?.dispose();
      }
    }
    if (job.kind === 'final') {
      return { kind: 'final', trainSubjects: fold.trainSubjects.length, valSubjects: fold.valSubjects.length, teacher: exported!, student: finalStudent! };
    }
    return { kind: 'fold', repeat: job.repeat, fold: fold.index, results, ...(kept ? { student: kept } : {}) };
  } finally {
    for (const teacher of caches.values()) teacher.dispose();
    split.dispose();
  }
}

/** Folds per CV repeat: `cv.folds`, or one per subject for leave-one-subject-out. */
export function foldsPerRepeat(config: ExperimentConfig, views: ViewDatasets): number {
  return config.cv.scheme === 'loso' ? firstView(views).subjects.length : config.cv.folds;
}

function firstView(views: ViewDatasets): WindowDataset {
  const first = Object.values(views)[0];
  if (!first) throw new DistillError('DATASET_INVALID', 'no view datasets were given');
  return first;
}

/** The tensors of one fold, made once per view on first use and shared by every net that sees it. */
class FoldTensors {
  private readonly made = new Map<string, TrainData & { readonly testX: tf.Tensor3D | undefined }>();
  readonly testLabels: Int32Array;

  constructor(
    private readonly views: ViewDatasets,
    private readonly fold: Fold,
  ) {
    this.testLabels = gatherLabels(firstView(views), fold.test);
  }

  shape(view: string): NetIo {
    const data = this.dataset(view);
    return { inputLength: data.length, channels: data.channels, classes: data.classes };
  }

  of(view: string): TrainData & { readonly testX: tf.Tensor3D | undefined } {
    let tensors = this.made.get(view);
    if (!tensors) {
      const data = this.dataset(view);
      const { fold } = this;
      const x3 = (indices: Int32Array): tf.Tensor3D => tf.tensor3d(gatherWindows(data, indices), [indices.length, data.length, data.channels]);
      tensors = {
        x: x3(fold.train),
        labels: tf.tensor1d(gatherLabels(data, fold.train), 'int32'),
        valX: x3(fold.val),
        valLabels: gatherLabels(data, fold.val),
        testX: fold.test.length > 0 ? x3(fold.test) : undefined,
      };
      this.made.set(view, tensors);
    }
    return tensors;
  }

  dispose(): void {
    for (const t of this.made.values()) tf.dispose([t.x, t.labels, t.valX, ...(t.testX ? [t.testX] : [])]);
    this.made.clear();
  }

  private dataset(view: string): WindowDataset {
    const data = this.views[view];
    if (!data) throw new DistillError('DATASET_INVALID', `no windows for view "${view}" (have ${Object.keys(this.views).join(', ')})`);
    return data;
  }
}

/** A trained teacher of a job, reduced to what the students need once its net is freed. */
interface TrainedTeacher {
  /** Its logits and hidden features on the training windows. */
  readonly cache: TeacherBatch;
  readonly hiddenSize: number;
  readonly outcome: TrainOutcome;
  /** Spec and parameter count (weights via `weights()` while the net lives). */
  readonly net: Omit<TrainedNet, 'weights'>;
  weights(): NetWeights;
  predict(x: tf.Tensor3D): Float32Array;
  /** Frees the net (the cache stays). */
  disposeNet(): void;
  /** Frees the cache. */
  dispose(): void;
}

async function trainTeacher(run: TeacherRun, tensors: TrainData, io: NetIo, initSeed: number, seed: number, index: number, hooks: FoldJobHooks): Promise<TrainedTeacher> {
  const spec = buildNetSpec(run.net.arch, run.net.config, io);
  const teacher = createNet(spec, { seed: initSeed });
  try {
    const outcome = await train(teacher, run.id, { ce: 1 }, tensors, run.training, seed, index, true, hooks);
    const cache = teacherOutputs(teacher, tensors.x);
    return {
      cache,
      hiddenSize: teacher.hiddenSize,
      outcome,
      net: { spec, params: teacher.paramCount },
      weights: () => teacher.getWeights(),
      predict: (x) => predictLogits(teacher, x),
      disposeNet: () => teacher.dispose(),
      dispose: () => tf.dispose([cache.logits, cache.hidden]),
    };
  } catch (error) {
    teacher.dispose();
    throw error;
  }
}

async function train(
  net: Net,
  method: string,
  loss: LossSpec,
  data: TrainData,
  training: TrainingConfig,
  seed: number,
  index: number,
  isTeacher: boolean,
  hooks: FoldJobHooks,
  regressor?: HintRegressor,
): Promise<TrainOutcome> {
  const plannedBatches = training.epochs * Math.ceil(data.x.shape[0] / training.batchSize);
  return trainNet(
    net,
    loss,
    data,
    { ...training, seed: deriveSeed(seed, 0x5368, index, isTeacher ? 1 : 2) },
    {
      ...(regressor ? { regressor } : {}),
      ...(hooks.signal ? { signal: hooks.signal } : {}),
      onBatch: (p) => hooks.onProgress?.({ ...p, job: index, method, plannedBatches }),
      onEpoch: (record) =>
        hooks.onProgress?.({ epoch: record.epoch, epochs: training.epochs, batch: 0, batches: 0, loss: record.trainLoss, job: index, method, plannedBatches, record }),
    },
  );
}

function evaluate(logits: Float32Array, labels: Int32Array, fold: Fold, job: FoldJob, outcome: TrainOutcome): FoldResult {
  const classes = logits.length / Math.max(1, labels.length);
  const metrics = scoreLogits(logits, labels, classes);
  const binary = classes === 5 ? binaryTaskMetrics(logits, labels, classes) : undefined;
  return {
    repeat: job.kind === 'fold' ? job.repeat : 0,
    fold: fold.index,
    testSubjects: fold.testSubjects,
    metrics,
    ...(binary ? { binary } : {}),
    history: outcome.history,
    epochsRun: outcome.epochsRun,
    trainMs: outcome.trainMs,
  };
}

function withoutHistory(outcome: TrainOutcome): Omit<TrainOutcome, 'history'> {
  return { epochsRun: outcome.epochsRun, bestEpoch: outcome.bestEpoch, trainMs: outcome.trainMs };
}
