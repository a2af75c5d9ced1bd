import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { batchNormTrain } from './batch-norm.js';
import { randomArray, relError } from '../testing/numeric.js';
import { OP_BACKENDS, readAll, useBackend } from '../testing/tensors.js';

const shape = [4, 9, 3];
const xs = randomArray(1, 4 * 9 * 3, 1.5, 2);
const gs = randomArray(2, 3, 0, 2);
const bs = randomArray(3, 3, 0, 2);
const rs = randomArray(4, 4 * 9 * 3, 0, 2);
const eps = 1e-3;

/** Reference: tfjs-cpu's tf.moments + tf.batchNorm (+ tf.relu) with their built-in gradients. */
async function reference(relu: boolean) {
  await useBackend('cpu');
  return tf.tidy(() => {
    const f = (x: tf.Tensor, g: tf.Tensor, b: tf.Tensor) => {
      const { mean, variance } = tf.moments(x, [0, 1]);
      const y = tf.batchNorm(x, mean, variance, b as tf.Tensor1D, g as tf.Tensor1D, eps);
      return relu ? tf.relu(y) : y;
    };
    const args = [tf.tensor(xs, shape), tf.tensor1d(gs), tf.tensor1d(bs)];
    const y = f(args[0]!, args[1]!, args[2]!);
    const grads = tf.grads((x, g, b) => tf.sum(tf.mul(f(x!, g!, b!), tf.tensor(rs, shape))))(args);
    const { mean, variance } = tf.moments(args[0]!, [0, 1]);
    return [y, ...grads, mean, variance].map((t) => Float32Array.from(t.dataSync()));
  });
}

describe.each(OP_BACKENDS)('batchNormTrain on %s', (backend) => {
  afterAll(async () => {
    await useBackend('cpu');
  });
  it.each([false, true])('matches tf.moments + tf.batchNorm (value, dx, dγ, dβ) to 1e-4 and updates the moving statistics (relu %s)', async (relu) => {
    const ref = await reference(relu);
    await useBackend(backend);
    const movingMean = tf.variable(tf.zeros([3]), false);
    const movingVariance = tf.variable(tf.ones([3]), false);
    const opts = { epsilon: eps, momentum: 0.9, movingMean, movingVariance, relu };
    const got = await readAll(
      tf.tidy(() => {
        const args = [tf.tensor(xs, shape), tf.tensor1d(gs), tf.tensor1d(bs)];
        const y = batchNormTrain(args[0]!, args[1] as tf.Tensor1D, args[2] as tf.Tensor1D, opts);
        const grads = tf.grads((x, g, b) => tf.sum(tf.mul(batchNormTrain(x!, g as tf.Tensor1D, b as tf.Tensor1D, opts), tf.tensor(rs, shape))))(args);
        return [y, ...grads];
      }),
    );
    for (let i = 0; i < 4; i++) expect(relError(got[i]!, ref[i]!)).toBeLessThan(1e-4);
    // Two calls (value + gradient) → moving = 0.81·initial + 0.19·batch statistic.
    const expectedMean = ref[4]!.map((m) => 0.19 * m);
    const expectedVar = ref[5]!.map((v) => 0.81 + 0.19 * v);
    const [mean, variance] = await readAll([movingMean, movingVariance]);
    expect(relError(mean!, expectedMean)).toBeLessThan(1e-5);
    expect(relError(variance!, expectedVar)).toBeLessThan(1e-5);
  });
});
