/**
 * @module Where a painkd training step spends its time: `tf.profile` over several steps, the
 * minimum time of each kernel call across them (robust to other load), summed per kernel name,
 * plus the step's CPU time not spent in kernels (JavaScript: the tape, host-side Adam and
 * max-pool gradients, tensor bookkeeping).
 */
import * as tf from '@tensorflow/tfjs';
import { createHostAdam, createNet, initBackend, type NetSpec } from '@painkd/models';
import { createRng } from '@painkd/signals';

/** Time of one kernel name within a step. */
export interface KernelShare {
  readonly kernel: string;
  readonly calls: number;
  readonly ms: number;
}

/** A step's kernel breakdown. */
export interface StepProfile {
  readonly kernels: readonly KernelShare[];
  /** Sum of the kernels' minimum times. */
  readonly kernelMs: number;
  readonly kernelCalls: number;
}

/**
 * Profiles `rounds` training steps of `spec` on `backend`.
 *
 * @example
 * const p = await profileTrainingStep(spec, 'wasm', 64, 5);
 */
export async function profileTrainingStep(spec: NetSpec, backend: 'wasm' | 'cpu', batch: number, rounds: number): Promise<StepProfile> {
  await initBackend(backend);
  const { length, channels } = spec.input;
  const rng = createRng(5);
  const net = createNet(spec, { seed: 5 });
  const x = tf.tensor3d(Float32Array.from({ length: batch * length * channels }, () => rng.normal()), [batch, length, channels]);
  const y = tf.oneHot(tf.tensor1d(Int32Array.from({ length: batch }, () => rng.int(spec.classes)), 'int32'), spec.classes);
  const adam = createHostAdam({ learningRate: 1e-3 });
  const step = () =>
    tf.tidy(() => {
      adam.minimize(() => tf.losses.softmaxCrossEntropy(y, net.apply(x, true).logits) as tf.Scalar, net.trainableVariables);
    });
  step();
  let names: string[] = [];
  let mins: number[] = [];
  for (let r = 0; r < rounds; r++) {
    // `forward` entries are customGrad wrappers whose inner kernels are listed on their own.
    const calls = (await tf.profile(step)).kernels.filter((k) => k.name !== 'forward');
    if (r === 0) {
      names = calls.map((k) => k.name);
      mins = calls.map((k) => Number(k.kernelTimeMs));
    } else {
      calls.forEach((k, i) => (mins[i] = Math.min(mins[i] ?? Infinity, Number(k.kernelTimeMs))));
    }
  }
  net.dispose();
  x.dispose();
  y.dispose();
  const byName = new Map<string, { calls: number; ms: number }>();
  names.forEach((name, i) => {
    const e = byName.get(name) ?? { calls: 0, ms: 0 };
    e.calls++;
    e.ms += mins[i]!;
    byName.set(name, e);
  });
  const kernels = [...byName].map(([kernel, e]) => ({ kernel, ...e })).sort((a, b) => b.ms - a.ms);
  return { kernels, kernelMs: kernels.reduce((s, k) => s + k.ms, 0), kernelCalls: names.length };
}
