/**
 * @module One unit of experiment work, identical in the main thread and in a worker: a CV fold
 * (teacher, then every student from the teacher's cached outputs) or the final training on all
 * subjects.
 */
import * as tf from '@tensorflow/tfjs';
import { buildNetSpec, createHintRegressor, createNet, type Net, type NetIo, type NetSpec, type NetWeights } from '@painkd/models';
import { deriveSeed } from '@painkd/signals';
import { trainingFor, type ExperimentConfig, type RunConfig } from './experiment-config.js';
import type { EpochRecord, FoldResult } from './report-types.js';
import type { Fold } from '../cv/fold.js';
import { gatherLabels, gatherWindows, type WindowDataset } from '../data/window-dataset.js';
import { binaryTaskMetrics } from '../metrics/binary-task.js';
import { argmaxRows, computeMetrics } from '../metrics/classification-metrics.js';
import { needsTeacher } from '../training/loss-spec.js';
import type { TeacherBatch } from '../training/objective.js';
import { predictLogits, teacherOutputs } from '../training/predict.js';
import { trainNet, type BatchProgress, type TrainData, type TrainOutcome } from '../training/train-net.js';

/** A job: one fold of the CV, or the final models on every subject. */
export type FoldJob =
  | { readonly kind: 'fold'; readonly fold: Fold; readonly keepStudent?: string }
  | { readonly kind: 'final'; readonly fold: Fold; readonly student: string };

/** A trained net as plain data (structured-clone safe: crosses worker boundaries). */
export interface TrainedNet {
  readonly spec: NetSpec;
  readonly weights: NetWeights;
  readonly params: number;
}

/** Progress of a job, after each mini-batch or epoch. */
export interface JobProgress extends BatchProgress {
  readonly job: number;
  readonly method: string;
  /** Planned batches of this method if it ran every epoch (for the ETA). */
  readonly plannedBatches: number;
  readonly record?: EpochRecord;
}

/** What a fold job returns. */
export interface FoldJobResult {
  readonly kind: 'fold';
  readonly fold: number;
  /** Method id → result on this fold (teacher first, then runs in config order). */
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

/** Job number used in progress events: fold index, or −1 for the final job. */
export const FINAL_JOB = -1;

/**
 * Runs one job on the active tfjs backend. Seeds: the teacher from (seed, fold, "teacher");
 * every student of a fold starts from the **same** initial weights and batch order
 * (seed, fold, "student"), so students differ only by their loss — a paired comparison.
 *
 * @example
 * const result = await runFoldJob({ kind: 'fold', fold }, data, config, { onProgress });
 */
export async function runFoldJob(job: FoldJob, data: WindowDataset, config: ExperimentConfig, hooks: FoldJobHooks = {}): Promise<FoldJobResult | FinalJobResult> {
  const { fold } = job;
  const shape = { inputLength: data.length, channels: data.channels, classes: data.classes };
  const tensors = {
    x: tf.tensor3d(gatherWindows(data, fold.train), [fold.train.length, data.length, data.channels]),
    labels: tf.tensor1d(gatherLabels(data, fold.train), 'int32'),
    valX: tf.tensor3d(gatherWindows(data, fold.val), [fold.val.length, data.length, data.channels]),
    valLabels: gatherLabels(data, fold.val),
  };
  const testX = fold.test.length > 0 ? tf.tensor3d(gatherWindows(data, fold.test), [fold.test.length, data.length, data.channels]) : undefined;
  const testLabels = gatherLabels(data, fold.test);
  const results: { id: string; params: number; arch: string; result: FoldResult }[] = [];
  let cache: TeacherBatch | undefined;
  try {
    const teacher = await trainTeacher(job, tensors, config, shape, hooks);
    cache = teacher.cache;
    try {
      if (testX) results.push({ id: 'teacher', params: teacher.net.params, arch: teacher.net.spec.arch, result: evaluate(await teacher.predict(testX), testLabels, data, fold, teacher.outcome) });
    } finally {
      teacher.dispose();
    }

    const runs = job.kind === 'final' ? config.runs.filter((r) => r.id === job.student) : config.runs;
    let kept: TrainedNet | undefined;
    let finalStudent: FinalJobResult['student'] | undefined;
    for (const run of runs) {
      const net = run.net ?? config.student;
      const spec = buildNetSpec(net.arch, net.config, shape);
      const student = createNet(spec, { seed: deriveSeed(config.seed, 0x7374, fold.index) });
      const regressor = run.loss.fitnets ? createHintRegressor(student.hiddenSize, teacher.hiddenSize, { seed: deriveSeed(config.seed, 0x7267, fold.index) }) : undefined;
      try {
        const trainData = needsTeacher(run.loss) ? { ...tensors, teacher: cache } : tensors;
        const outcome = await train(student, run.id, run.loss, trainData, trainingFor(config, run), config.seed, job, hooks, regressor);
        if (testX) results.push({ id: run.id, params: student.paramCount, arch: spec.arch, result: evaluate(await predictLogits(student, testX), testLabels, data, fold, outcome) });
        if (job.kind === 'fold' && job.keepStudent === run.id) kept = { spec, weights: await student.readWeights(), params: student.paramCount };
        if (job.kind === 'final') finalStudent = { id: run.id, spec, weights: await student.readWeights(), params: student.paramCount, outcome: withoutHistory(outcome) };
      } finally {
        student.dispose();
        regressor?.dispose();
      }
    }
    if (job.kind === 'final') {
      return {
        kind: 'final',
        trainSubjects: fold.trainSubjects.length,
        valSubjects: fold.valSubjects.length,
        teacher: { ...teacher.net, outcome: withoutHistory(teacher.outcome) },
        student: finalStudent!,
      };
    }
    return { kind: 'fold', fold: fold.index, results, ...(kept ? { student: kept } : {}) };
  } finally {
    if (cache) tf.dispose([cache.logits, cache.hidden]);
    tf.dispose([tensors.x, tensors.labels, tensors.valX, ...(testX ? [testX] : [])]);
  }
}

/** The trained teacher of a job, reduced to what the students need once it is disposed. */
interface TrainedTeacher {
  /** Its logits and hidden features on the training windows (the caller disposes them). */
  readonly cache: TeacherBatch;
  readonly hiddenSize: number;
  readonly outcome: TrainOutcome;
  /** Spec and weights (the weights are only copied for the final job). */
  readonly net: TrainedNet;
  predict(x: tf.Tensor3D): Promise<Float32Array>;
  dispose(): void;
}

async function trainTeacher(job: FoldJob, tensors: TrainData, config: ExperimentConfig, shape: NetIo, hooks: FoldJobHooks): Promise<TrainedTeacher> {
  const spec = buildNetSpec(config.teacher.net.arch, config.teacher.net.config, shape);
  const teacher = createNet(spec, { seed: deriveSeed(config.seed, 0x7465, job.fold.index) });
  try {
    const outcome = await train(teacher, 'teacher', { ce: 1 }, tensors, trainingFor(config), config.seed, job, hooks);
    const weights: NetWeights = job.kind === 'final' ? await teacher.readWeights() : new Map();
    return {
      cache: teacherOutputs(teacher, tensors.x),
      hiddenSize: teacher.hiddenSize,
      outcome,
      net: { spec, weights, params: teacher.paramCount },
      predict: (x) => predictLogits(teacher, x),
      dispose: () => teacher.dispose(),
    };
  } catch (error) {
    teacher.dispose();
    throw error;
  }
}

async function train(
  net: Net,
  method: string,
  loss: RunConfig['loss'],
  data: TrainData,
  training: ReturnType<typeof trainingFor>,
  seed: number,
  job: FoldJob,
  hooks: FoldJobHooks,
  regressor?: ReturnType<typeof createHintRegressor>,
): Promise<TrainOutcome> {
  const jobIndex = job.kind === 'final' ? FINAL_JOB : job.fold.index;
  const plannedBatches = training.epochs * Math.ceil(data.x.shape[0] / training.batchSize);
  return trainNet(
    net,
    loss,
    data,
    { ...training, seed: deriveSeed(seed, 0x5368, jobIndex, method === 'teacher' ? 1 : 2) },
    {
      ...(regressor ? { regressor } : {}),
      ...(hooks.signal ? { signal: hooks.signal } : {}),
      onBatch: (p) => hooks.onProgress?.({ ...p, job: jobIndex, method, plannedBatches }),
      onEpoch: (record) =>
        hooks.onProgress?.({ epoch: record.epoch, epochs: training.epochs, batch: 0, batches: 0, loss: record.trainLoss, job: jobIndex, method, plannedBatches, record }),
    },
  );
}

function evaluate(logits: Float32Array, labels: Int32Array, data: WindowDataset, fold: Fold, outcome: TrainOutcome): FoldResult {
  const predictions = argmaxRows(logits, data.classes);
  const binaryLevels = data.classes === 2 ? { levels: [0, 4] } : {};
  const metrics = computeMetrics(labels, predictions, { classes: data.classes, ...binaryLevels });
  const binary = data.classes === 5 ? binaryTaskMetrics(logits, labels, data.classes) : undefined;
  return {
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
