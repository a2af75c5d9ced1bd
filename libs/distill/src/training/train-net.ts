/**
 * @module The training loop: Adam, seeded mini-batches, early stopping and LR-on-plateau on
 * validation. Nothing is read synchronously: each step's loss is read asynchronously while later
 * steps are queued (at most {@link MAX_STEPS_IN_FLIGHT} ahead), so a GPU backend never waits for
 * the host between steps.
 */
import * as tf from '@tensorflow/tfjs';
import { createAdam } from '@painkd/models';
import { createRng, deriveSeed } from '@painkd/signals';
import type { LossSpec } from './loss-spec.js';
import { needsRegressor, needsTeacher } from './loss-spec.js';
import { objectiveLoss, type TeacherBatch } from './objective.js';
import { PlateauTracker, type PlateauOptions } from './plateau.js';
import { predictLogits } from './predict.js';
import type { HintRegressorLike, TrainableNet } from './trainable-net.js';
import { DistillError } from '../errors.js';
import type { EpochRecord } from '../experiments/report-types.js';

/** Hyper-parameters of one training run. */
export interface TrainOptions extends PlateauOptions {
  readonly epochs: number;
  readonly batchSize: number;
  readonly learningRate: number;
  /** Seeds the per-epoch shuffles (and nothing else: nets are seeded where they are built). */
  readonly seed: number;
}

/** The fold's tensors a run trains and validates on. */
export interface TrainData {
  /** Training windows `[n, length, channels]`. */
  readonly x: tf.Tensor3D;
  /** `[n]` int32 labels of `x`. */
  readonly labels: tf.Tensor1D;
  /** The frozen teacher's outputs on `x`, row-aligned; required by distillation terms. */
  readonly teacher?: TeacherBatch;
  /** Validation windows (training subjects held out) and their labels. */
  readonly valX: tf.Tensor3D;
  readonly valLabels: Int32Array;
}

/** Progress after each mini-batch. */
export interface BatchProgress {
  readonly epoch: number;
  readonly epochs: number;
  readonly batch: number;
  readonly batches: number;
  /** Running mean training loss of this epoch so far. */
  readonly loss: number;
}

/** Optional hooks and extras of {@link trainNet}. */
export interface TrainHooks {
  /** Trained jointly with the net when the loss has a FitNets term or a projected cosine hint. */
  readonly regressor?: HintRegressorLike;
  readonly onBatch?: (progress: BatchProgress) => void;
  readonly onEpoch?: (record: EpochRecord) => void;
  /** Checked between epochs and batches; aborting throws `EXPERIMENT_ABORTED`. */
  readonly signal?: AbortSignal;
}

/** What a run produced. The net holds the best epoch's weights afterwards. */
export interface TrainOutcome {
  readonly history: EpochRecord[];
  readonly epochsRun: number;
  /** 1-based epoch whose weights were kept (lowest validation loss). */
  readonly bestEpoch: number;
  readonly trainMs: number;
}

/** Steps queued before the loop waits for the oldest step's loss value. */
const MAX_STEPS_IN_FLIGHT = 4;

/**
 * Trains `net` (and the hint regressor, if any) on `data` by minimising `loss` with Adam
 * (@painkd/models' `createAdam`, PyTorch's update) over seeded mini-batches (a fresh permutation
 * per epoch, the last batch may be smaller).
 * After every epoch the validation cross-entropy decides: the best weights are kept, the
 * learning rate drops on a plateau, training stops after `patience` epochs without improvement;
 * the best epoch's weights are restored at the end. Every intermediate tensor is disposed
 * (`tf.tidy` per step), so `tf.memory().numTensors` is the same before and after.
 *
 * @example
 * const outcome = await trainNet(student, { ce: 0.75, kd: { weight: 0.25, temperature: 2 } },
 *   { x, labels, teacher: cache, valX, valLabels }, { epochs: 30, batchSize: 64, learningRate: 1e-3,
 *   seed: 1, patience: 6, lrPatience: 3, lrFactor: 0.5, minLearningRate: 1e-5 });
 */
export async function trainNet(net: TrainableNet, loss: LossSpec, data: TrainData, options: TrainOptions, hooks: TrainHooks = {}): Promise<TrainOutcome> {
  checkArguments(loss, data, options, hooks);
  const started = performance.now();
  const n = data.x.shape[0];
  const batches = Math.ceil(n / options.batchSize);
  const variables = [...net.trainableVariables, ...(needsRegressor(loss) ? hooks.regressor!.trainableVariables : [])];
  const optimizer = createAdam({ learningRate: options.learningRate });
  const plateau = new PlateauTracker(options, options.learningRate);
  const history: EpochRecord[] = [];
  let best = { epoch: 0, weights: await net.readWeights() };
  try {
    for (let epoch = 1; epoch <= options.epochs; epoch++) {
      const order = permutation(n, deriveSeed(options.seed, epoch));
      const losses = new EpochLosses(epoch);
      for (let b = 0; b < batches; b++) {
        throwIfAborted(hooks.signal);
        losses.throwIfDiverged();
        const idx = order.subarray(b * options.batchSize, Math.min(n, (b + 1) * options.batchSize));
        const value = tf.tidy(() => {
          const indices = tf.tensor1d(idx, 'int32');
          const xb = tf.gather(data.x, indices);
          const yb = tf.gather(data.labels, indices);
          const teacher = data.teacher && needsTeacher(loss)
            ? { logits: tf.gather(data.teacher.logits, indices), hidden: tf.gather(data.teacher.hidden, indices) }
            : undefined;
          return optimizer.minimize(() => objectiveLoss(loss, net.apply(xb, true), yb, epoch, { teacher, regressor: hooks.regressor }), variables);
        });
        losses.read(b, idx.length, value);
        if (losses.inFlight > MAX_STEPS_IN_FLIGHT) await losses.oldest();
        // Let the event loop run (Ctrl-C, progress output, the device's callbacks) between batches.
        await new Promise((resolve) => setImmediate(resolve));
        hooks.onBatch?.({ epoch, epochs: options.epochs, batch: b + 1, batches, loss: losses.runningMean() });
      }
      await losses.settled();
      losses.throwIfDiverged();
      const val = await validationScores(net, data.valX, data.valLabels);
      const learningRate = optimizer.learningRate;
      const decision = plateau.update(val.loss);
      const record: EpochRecord = { epoch, trainLoss: losses.sum / n, valLoss: val.loss, valAccuracy: val.accuracy, learningRate };
      history.push(record);
      hooks.onEpoch?.(record);
      if (decision.improved) best = { epoch, weights: await net.readWeights() };
      optimizer.learningRate = decision.learningRate;
      if (decision.stop) break;
    }
  } finally {
    optimizer.dispose();
  }
  net.setWeights(best.weights);
  return { history, epochsRun: history.length, bestEpoch: best.epoch, trainMs: performance.now() - started };
}

/**
 * Mean cross-entropy (natural log, float64 accumulation) and accuracy of `net` on windows `x`.
 *
 * @example
 * const { loss, accuracy } = await validationScores(net, valX, valLabels);
 */
export async function validationScores(net: TrainableNet, x: tf.Tensor3D, labels: Int32Array): Promise<{ loss: number; accuracy: number }> {
  const logits = await predictLogits(net, x);
  const classes = logits.length / labels.length;
  let loss = 0;
  let correct = 0;
  for (let i = 0; i < labels.length; i++) {
    const row = logits.subarray(i * classes, (i + 1) * classes);
    let max = row[0];
    let arg = 0;
    for (let c = 1; c < classes; c++) if (row[c] > max) [max, arg] = [row[c], c];
    let sum = 0;
    for (let c = 0; c < classes; c++) sum += Math.exp(row[c] - max);
    loss += Math.log(sum) + max - row[labels[i]];
    if (arg === labels[i]) correct++;
  }
  return { loss: loss / labels.length, accuracy: correct / labels.length };
}

/** One epoch's step losses, read asynchronously as the device finishes each step. */
class EpochLosses {
  /** Σ loss · batch size over the steps read so far. */
  sum = 0;
  private rows = 0;
  private diverged: { batch: number; value: number } | undefined;
  private readonly pending: Promise<void>[] = [];

  constructor(private readonly epoch: number) {}

  /** Starts reading step `batch`'s loss (`rows` windows) and disposes the tensor once read. */
  read(batch: number, rows: number, value: tf.Scalar): void {
    this.pending.push(
      value.data().then((v) => {
        value.dispose();
        const loss = v[0]!;
        if (!Number.isFinite(loss)) this.diverged ??= { batch: batch + 1, value: loss };
        this.sum += loss * rows;
        this.rows += rows;
      }),
    );
  }

  get inFlight(): number {
    return this.pending.length;
  }

  oldest(): Promise<void> {
    return this.pending.shift()!;
  }

  async settled(): Promise<void> {
    await Promise.all(this.pending.splice(0));
  }

  /** Mean loss over the steps read so far (NaN before the first). */
  runningMean(): number {
    return this.sum / this.rows;
  }

  throwIfDiverged(): void {
    if (this.diverged === undefined) return;
    const { batch, value } = this.diverged;
    throw new DistillError('TRAIN_DIVERGED', `training loss became ${value} at epoch ${this.epoch}, batch ${batch}; lower the learning rate`, { epoch: this.epoch, batch });
  }
}

function permutation(n: number, seed: number): Int32Array {
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const rng = createRng(seed);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  return order;
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new DistillError('EXPERIMENT_ABORTED', 'training was aborted');
}

function checkArguments(loss: LossSpec, data: TrainData, options: TrainOptions, hooks: TrainHooks): void {
  const fail = (message: string): never => {
    throw new DistillError('TRAIN_INVALID_ARGUMENT', message);
  };
  if (!Number.isInteger(options.epochs) || options.epochs < 1) fail(`epochs must be an integer ≥ 1, got ${options.epochs}`);
  if (!Number.isInteger(options.batchSize) || options.batchSize < 1) fail(`batchSize must be an integer ≥ 1, got ${options.batchSize}`);
  if (!(options.learningRate > 0)) fail(`learningRate must be > 0, got ${options.learningRate}`);
  if (data.x.shape[0] === 0 || data.labels.shape[0] !== data.x.shape[0]) fail('training windows and labels must be non-empty and aligned');
  if (data.valLabels.length === 0 || data.valLabels.length !== data.valX.shape[0]) fail('validation windows and labels must be non-empty and aligned');
  if (needsTeacher(loss) && data.teacher === undefined) fail('this loss distils from a teacher: pass the cached teacher outputs');
  if (needsRegressor(loss) && hooks.regressor === undefined) fail("the FitNets term and the cosine hint with align 'project' need a hint regressor");
}
