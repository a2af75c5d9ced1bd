/**
 * @module The painkd side of `bench:train`: trains a net built from a NetSpec on one tfjs backend
 * with `createAdam` (host-side on wasm/cpu, WGSL on webgpu) and softmax cross-entropy on random
 * windows — the same job the PyTorch script runs — and times it. As in the trainer's loop, each
 * step's loss is read asynchronously, at most four steps behind, so a GPU is never idle waiting
 * for the host.
 */
import * as tf from '@tensorflow/tfjs';
import { createAdam, createNet, initBackend, type GpuAdapterInfo, type NetSpec } from '@painkd/models';
import { createRng } from '@painkd/signals';
import { timeSteps, type TimingPlan, type TrainTiming } from './train-timing.js';

/** Backends `bench:train` times painkd on. */
export type PainkdBenchBackend = 'wasm' | 'cpu' | 'webgpu';

/** Options of {@link timePainkdTraining}. */
export interface PainkdTrainOptions {
  readonly backend: PainkdBenchBackend;
  readonly batch: number;
  readonly seed: number;
  /** The plan, or one chosen once the backend (and its adapter) is known. */
  readonly plan: TimingPlan | ((adapter: GpuAdapterInfo | undefined) => TimingPlan);
}

/** A timing, with the GPU adapter it ran on (webgpu). */
export interface PainkdTiming {
  readonly timing: TrainTiming;
  readonly adapter?: GpuAdapterInfo;
}

/** Loss reads allowed in flight before a step waits for the oldest. */
const IN_FLIGHT = 4;

/**
 * Times training steps of `spec` on `options.backend`.
 *
 * @example
 * const { timing, adapter } = await timePainkdTraining(spec, { backend: 'webgpu', batch: 64, seed: 1, plan });
 */
export async function timePainkdTraining(spec: NetSpec, options: PainkdTrainOptions): Promise<PainkdTiming> {
  const info = await initBackend(options.backend);
  const plan = typeof options.plan === 'function' ? options.plan(info.adapter) : options.plan;
  const { length, channels } = spec.input;
  const rng = createRng(options.seed);
  const xs = Float32Array.from({ length: options.batch * length * channels }, () => rng.normal());
  const labels = Int32Array.from({ length: options.batch }, () => rng.int(spec.classes));
  const net = createNet(spec, { seed: options.seed });
  const x = tf.tensor3d(xs, [options.batch, length, channels]);
  const y = tf.oneHot(tf.tensor1d(labels, 'int32'), spec.classes);
  const adam = createAdam({ learningRate: 1e-3 });
  const loss = () => tf.losses.softmaxCrossEntropy(y, net.apply(x, true).logits) as tf.Scalar;
  const reads: Promise<void>[] = [];
  const step = async (): Promise<void> => {
    const value = tf.tidy(() => adam.minimize(loss, net.trainableVariables));
    reads.push(value.data().then(() => value.dispose()));
    if (reads.length > IN_FLIGHT) await reads.shift();
  };
  const settle = async (): Promise<void> => {
    await Promise.all(reads.splice(0));
  };
  try {
    const timing = await timeSteps(step, options.batch, plan, settle);
    return { timing, ...(info.adapter ? { adapter: info.adapter } : {}) };
  } finally {
    await settle();
    adam.dispose();
    net.dispose();
    x.dispose();
    y.dispose();
  }
}
