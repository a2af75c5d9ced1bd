/**
 * @module How many GPU dispatches one training step of a net costs on the webgpu backend: every
 * program tfjs-backend-webgpu runs (its own kernels and painkd's WGSL programs) is counted over one
 * step at the given batch, with painkd's Adam and, for comparison, with `tf.train.adam`. A GPU
 * step of these small nets is bound by dispatch count more than by arithmetic.
 */
import * as tf from '@tensorflow/tfjs';
import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import { createAdam, createNet, initBackend, type NetSpec } from '@painkd/models';
import { createRng } from '@painkd/signals';

/** Dispatches of one step. */
export interface DispatchCount {
  /** With painkd's `createAdam` (WGSL Adam). */
  readonly painkd: number;
  /** The same step with `tf.train.adam`. */
  readonly tfAdam: number;
}

/**
 * Counts the dispatches of one training step of `spec` on webgpu (after one warm-up step each).
 *
 * @example
 * const { painkd, tfAdam } = await countDispatches(spec, 64); // e.g. 117 and 313 for the teacher
 */
export async function countDispatches(spec: NetSpec, batch: number): Promise<DispatchCount> {
  await initBackend('webgpu');
  const backend = tf.backend() as WebGPUBackend;
  const { length, channels } = spec.input;
  const rng = createRng(3);
  const net = createNet(spec, { seed: 3 });
  const x = tf.tensor3d(Float32Array.from({ length: batch * length * channels }, () => rng.normal()), [batch, length, channels]);
  const y = tf.oneHot(tf.tensor1d(Int32Array.from({ length: batch }, () => rng.int(spec.classes)), 'int32'), spec.classes);
  const loss = () => tf.losses.softmaxCrossEntropy(y, net.apply(x, true).logits) as tf.Scalar;
  const original = backend.runWebGPUProgram;
  let dispatches = 0;
  const count = async (step: () => tf.Scalar): Promise<number> => {
    const warm = tf.tidy(step);
    await warm.data();
    warm.dispose();
    dispatches = 0;
    backend.runWebGPUProgram = (...args) => {
      dispatches++;
      return original.apply(backend, args);
    };
    try {
      const value = tf.tidy(step);
      await value.data();
      value.dispose();
    } finally {
      backend.runWebGPUProgram = original;
    }
    return dispatches;
  };
  const adam = createAdam({ learningRate: 1e-3 });
  const tfAdam = tf.train.adam(1e-3);
  try {
    return {
      painkd: await count(() => adam.minimize(loss, net.trainableVariables)),
      tfAdam: await count(() => tfAdam.minimize(loss, true, net.trainableVariables) as tf.Scalar),
    };
  } finally {
    adam.dispose();
    tfAdam.dispose();
    tf.dispose([x, y]);
    net.dispose();
  }
}
