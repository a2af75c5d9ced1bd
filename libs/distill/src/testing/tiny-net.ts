/** @module Test helper: a seeded two-layer perceptron that satisfies {@link TrainableNet}. */
import * as tf from '@tensorflow/tfjs';
import { createRng } from '@painkd/signals';
import type { NetWeights, WeightTensor } from '@painkd/models';
import type { HintRegressorLike, NetOutputs, TrainableNet } from '../training/trainable-net.js';

let instances = 0;

/** A dense layer's variables, initialised uniformly in ±1/√fanIn (PyTorch's Linear default). */
function dense(rng: ReturnType<typeof createRng>, name: string, inUnits: number, units: number): tf.Variable[] {
  const bound = 1 / Math.sqrt(inUnits);
  const w = Float32Array.from({ length: inUnits * units }, () => rng.uniform(-bound, bound));
  const b = Float32Array.from({ length: units }, () => rng.uniform(-bound, bound));
  return [tf.variable(tf.tensor2d(w, [inUnits, units]), true, `${name}/kernel`), tf.variable(tf.tensor1d(b), true, `${name}/bias`)];
}

/** flatten → dense(hidden) → ReLU → dense(classes); `hidden` is the ReLU output. */
export function tinyNet(inputSize: number, hiddenSize: number, classes: number, seed: number): TrainableNet & { dispose(): void } {
  const rng = createRng(seed);
  const prefix = `tiny${instances++}`;
  const vars = [...dense(rng, `${prefix}/fc1`, inputSize, hiddenSize), ...dense(rng, `${prefix}/fc2`, hiddenSize, classes)];
  return {
    trainableVariables: vars,
    apply(x: tf.Tensor3D): NetOutputs {
      return tf.tidy(() => {
        const flat = tf.reshape(x, [x.shape[0], inputSize]);
        const hidden = tf.relu(tf.add(tf.matMul(flat, vars[0]), vars[1])) as tf.Tensor2D;
        return { hidden, logits: tf.add(tf.matMul(hidden, vars[2]), vars[3]) as tf.Tensor2D };
      });
    },
    async readWeights(): Promise<NetWeights> {
      const values = await Promise.all(vars.map((v) => v.data()));
      return new Map<string, WeightTensor>(vars.map((v, i) => [v.name, { shape: v.shape, data: Float32Array.from(values[i] as Float32Array) }]));
    },
    setWeights(weights: NetWeights): void {
      for (const v of vars) {
        const w = weights.get(v.name)!;
        tf.tidy(() => v.assign(tf.tensor(w.data, [...w.shape])));
      }
    },
    dispose(): void {
      tf.dispose(vars);
    },
  };
}

/** A linear hint regressor (the FitNets role) from `inSize` to `outSize` features. */
export function tinyRegressor(inSize: number, outSize: number, seed: number): HintRegressorLike & { dispose(): void } {
  const rng = createRng(seed);
  const vars = dense(rng, `reg${instances++}`, inSize, outSize);
  return {
    trainableVariables: vars,
    apply: (h) => tf.tidy(() => tf.add(tf.matMul(h, vars[0]), vars[1]) as tf.Tensor2D),
    dispose: () => tf.dispose(vars),
  };
}
