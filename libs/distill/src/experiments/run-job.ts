/**
 * @module Runs one {@link ExperimentJob} on the active tfjs backend, identically in this thread,
 * a worker thread or a queue worker: a unit's teachers (results and the caches the students
 * need), or one student (from those caches).
 */
import * as tf from '@tensorflow/tfjs';
import { buildNetSpec, createHintRegressor, createNet, activeBackend, type HintRegressor, type Net, type NetIo } from '@painkd/models';
import { deriveSeed } from '@painkd/signals';
import type { TrainingConfig } from './experiment-config.js';
import type { ExperimentJob, ExperimentJobResult, FinalNet, JobHooks, MethodFoldResult, StudentJobResult, TeacherCache, TeacherCaches, TeachersJobResult } from './experiment-job.js';
import { distilledFrom, keepsStudent, unitFold, unitNumber, unitStudents, unitTeachers, type ExperimentPlan, type Unit } from './experiment-plan.js';
import type { FoldResult } from './report-types.js';
import type { Fold } from '../cv/fold.js';
import { gatherLabels, gatherWindows, type WindowDataset } from '../data/window-dataset.js';
import { DistillError } from '../errors.js';
import { binaryTaskMetrics } from '../metrics/binary-task.js';
import { scoreLogits } from '../metrics/score-logits.js';
import { needsRegressor, needsTeacher, type LossSpec } from '../training/loss-spec.js';
import { predictLogits, teacherOutputs } from '../training/predict.js';
import { trainNet, type TrainData, type TrainOutcome } from '../training/train-net.js';

/**
 * Runs `job` of `plan`. Teachers: each trains on its own view (seed from (seed, unit, "teacher"
 * [, position])) and, when a student of the unit distils from it, leaves its logits and hidden
 * features on the unit's training windows as a {@link TeacherCache}. A student trains on the
 * student view, its mini-batches gathered by the same window indices from its teacher's cache
 * (window i of both views is one recording). Every student of a unit starts from the **same**
 * initial weights and batch order (seed, unit, "student"), so students of one size differ only by
 * their loss — a paired comparison — and a student's result does not depend on where or after
 * which other job it ran. `caches` must hold the student's teacher when its loss distils.
 *
 * @example
 * const teachers = await runExperimentJob({ kind: 'teachers', unit }, plan, {}) as TeachersJobResult;
 * const kd = await runExperimentJob({ kind: 'student', unit, student: 'student-kd' }, plan, teachers.caches);
 */
export async function runExperimentJob(job: ExperimentJob, plan: ExperimentPlan, caches: TeacherCaches, hooks: JobHooks = {}): Promise<ExperimentJobResult> {
  const tensors = new FoldTensors(plan.views, unitFold(plan, job.unit));
  try {
    return job.kind === 'teachers' ? await runTeachers(job.unit, plan, tensors, hooks) : await runStudent(job.unit, job.student, plan, caches, tensors, hooks);
  } finally {
    tensors.dispose();
  }
}

async function runTeachers(unit: Unit, plan: ExperimentPlan, split: FoldTensors, hooks: JobHooks): Promise<TeachersJobResult> {
  const { config } = plan;
  const index = unitNumber(unit, plan.perRepeat);
  const used = distilledFrom(config, unit);
  const results: MethodFoldResult[] = [];
  const caches: Record<string, TeacherCache> = {};
  let exported: FinalNet | undefined;
  for (const [t, run] of unitTeachers(config, unit).entries()) {
    const tensors = split.of(run.view);
    const spec = buildNetSpec(run.net.arch, run.net.config, split.shape(run.view));
    const teacher = createNet(spec, { seed: deriveSeed(config.seed, 0x7465, index, ...(t === 0 ? [] : [t])) });
    try {
      const outcome = await train(teacher, run.id, { ce: 1 }, tensors, run.training, config.seed, index, true, hooks);
      if (used.has(run.id)) caches[run.id] = await cacheOf(teacher, tensors.x);
      if (tensors.testX) results.push({ id: run.id, params: teacher.paramCount, arch: spec.arch, result: evaluate(await predictLogits(teacher, tensors.testX), split.testLabels, split.fold, unit, outcome) });
      if (unit.kind === 'final' && run.id === 'teacher') exported = { spec, weights: await teacher.readWeights(), params: teacher.paramCount, outcome: withoutHistory(outcome) };
    } finally {
      teacher.dispose();
    }
  }
  const subjects = unit.kind === 'final' ? { split: { trainSubjects: split.fold.trainSubjects.length, valSubjects: split.fold.valSubjects.length } } : {};
  return { kind: 'teachers', unit, backend: activeBackend(), results, caches, ...(exported ? { teacher: exported } : {}), ...subjects };
}

async function runStudent(unit: Unit, id: string, plan: ExperimentPlan, caches: TeacherCaches, split: FoldTensors, hooks: JobHooks): Promise<StudentJobResult> {
  const { config } = plan;
  const run = unitStudents(config, unit).find((s) => s.id === id);
  if (!run) throw new DistillError('CONFIG_INVALID', `"${id}" is not a student of this experiment`);
  const index = unitNumber(unit, plan.perRepeat);
  const tensors = split.of(run.view);
  const spec = buildNetSpec(run.net.arch, run.net.config, split.shape(run.view));
  const cache = needsTeacher(run.loss) ? caches[run.teacher] : undefined;
  if (needsTeacher(run.loss) && !cache) throw new DistillError('TRAIN_INVALID_ARGUMENT', `student ${id} of ${describeUnit(unit)} needs the outputs of teacher "${run.teacher}", which were not given`);
  const teacher = cache ? cacheTensors(cache, tensors.x.shape[0], `teacher "${run.teacher}"`) : undefined;
  const student = createNet(spec, { seed: deriveSeed(config.seed, 0x7374, index) });
  let regressor: HintRegressor | undefined;
  try {
    regressor = needsRegressor(run.loss) && cache ? createHintRegressor(student.hiddenSize, cache.hiddenSize, { seed: deriveSeed(config.seed, 0x7267, index) }) : undefined;
    const outcome = await train(student, run.id, run.loss, teacher ? { ...tensors, teacher } : tensors, run.training, config.seed, index, false, hooks, regressor);
    const result = tensors.testX
      ? { id: run.id, params: student.paramCount, arch: spec.arch, result: evaluate(await predictLogits(student, tensors.testX), split.testLabels, split.fold, unit, outcome) }
      : undefined;
    const keep = unit.kind === 'final' || keepsStudent(plan, unit, run.id);
    const net = keep ? { spec, weights: await student.readWeights(), params: student.paramCount, outcome: withoutHistory(outcome) } : undefined;
    return { kind: 'student', unit, backend: activeBackend(), student: run.id, ...(result ? { result } : {}), ...(net ? { net } : {}) };
  } finally {
    student.dispose();
    regressor?.dispose();
    if (teacher) tf.dispose([teacher.logits, teacher.hidden]);
  }
}

/** The tensors of one fold, made once per view on first use and shared by every net that sees it. */
class FoldTensors {
  private readonly made = new Map<string, TrainData & { readonly testX: tf.Tensor3D | undefined }>();
  readonly testLabels: Int32Array;

  constructor(
    private readonly views: ExperimentPlan['views'],
    readonly fold: Fold,
  ) {
    const first = Object.values(views)[0];
    if (!first) throw new DistillError('DATASET_INVALID', 'no view datasets were given');
    this.testLabels = gatherLabels(first, fold.test);
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

/** A frozen teacher's outputs on `x`, as plain arrays (read asynchronously: GPU backends have no synchronous read). */
async function cacheOf(teacher: Net, x: tf.Tensor3D): Promise<TeacherCache> {
  const out = teacherOutputs(teacher, x);
  try {
    const [rows, classes] = out.logits.shape;
    const [logits, hidden] = (await Promise.all([out.logits.data(), out.hidden.data()])) as [Float32Array, Float32Array];
    return { rows, classes, hiddenSize: out.hidden.shape[1], logits, hidden };
  } finally {
    tf.dispose([out.logits, out.hidden]);
  }
}

/** A cache back on the backend, checked against the windows it must align with. */
function cacheTensors(cache: TeacherCache, rows: number, what: string): { logits: tf.Tensor2D; hidden: tf.Tensor2D } {
  if (cache.rows !== rows || cache.logits.length !== rows * cache.classes || cache.hidden.length !== rows * cache.hiddenSize) {
    throw new DistillError(
      'TRAIN_INVALID_ARGUMENT',
      `the cached outputs of ${what} have ${cache.rows} rows (${cache.logits.length} logits, ${cache.hidden.length} hidden values) for ${rows} training windows`,
    );
  }
  return { logits: tf.tensor2d(cache.logits, [rows, cache.classes]), hidden: tf.tensor2d(cache.hidden, [rows, cache.hiddenSize]) };
}

function describeUnit(unit: Unit): string {
  return unit.kind === 'final' ? 'the final models' : `repeat ${unit.repeat} fold ${unit.fold}`;
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
  hooks: JobHooks,
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

function evaluate(logits: Float32Array, labels: Int32Array, fold: Fold, unit: Unit, outcome: TrainOutcome): FoldResult {
  const classes = logits.length / Math.max(1, labels.length);
  const metrics = scoreLogits(logits, labels, classes);
  const binary = classes === 5 ? binaryTaskMetrics(logits, labels, classes) : undefined;
  return {
    repeat: unit.kind === 'fold' ? unit.repeat : 0,
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
