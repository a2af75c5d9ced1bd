import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { dense } from './dense.js';
import { randomArray, relError } from '../testing/numeric.js';
import { OP_BACKENDS, readAll, useBackend } from '../testing/tensors.js';

const xs = randomArray(1, 6 * 7);
const ws = randomArray(2, 7 * 5);
const bs = randomArray(3, 5);
const rs = randomArray(4, 6 * 5);

function run(f: (x: tf.Tensor2D, w: tf.Tensor2D, b: tf.Tensor1D) => tf.Tensor2D): Promise<Float32Array[]> {
  return readAll(
    tf.tidy(() => {
      const args = [tf.tensor2d(xs, [6, 7]), tf.tensor2d(ws, [7, 5]), tf.tensor1d(bs)] as const;
      const y = f(...args);
      return [y, ...tf.grads((x, w, b) => tf.sum(tf.mul(f(x as tf.Tensor2D, w as tf.Tensor2D, b as tf.Tensor1D), tf.tensor2d(rs, [6, 5]))))([...args])];
    }),
  );
}

describe.each(OP_BACKENDS)('dense on %s', (backend) => {
  afterAll(async () => {
    await useBackend('cpu');
  });
  it.each([true, false])('matches relu?(x·W + b) with tfjs-cpu built-in gradients to 1e-5 (relu %s)', async (relu) => {
    await useBackend('cpu');
    const ref = await run((x, w, b) => {
      const z = tf.add(tf.matMul(x, w), b) as tf.Tensor2D;
      return relu ? tf.relu(z) : z;
    });
    await useBackend(backend);
    const got = await run((x, w, b) => dense(x, w, b, relu));
    for (let i = 0; i < 4; i++) expect(relError(got[i]!, ref[i]!)).toBeLessThan(1e-5);
  });

  it('works without a bias', async () => {
    await useBackend(backend);
    const grads = tf.tidy(() => {
      const x = tf.tensor2d(xs, [6, 7]);
      const w = tf.tensor2d(ws, [7, 5]);
      return tf.grads((a, b) => tf.sum(dense(a as tf.Tensor2D, b as tf.Tensor2D, undefined, false)))([x, w]).map((g) => g.shape);
    });
    expect(grads).toEqual([
      [6, 7],
      [7, 5],
    ]);
  });
});
