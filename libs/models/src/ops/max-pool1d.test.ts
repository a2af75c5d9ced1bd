import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { maxPool1dView } from './max-pool1d.js';
import { randomArray } from '../testing/numeric.js';
import { OP_BACKENDS, readAll, useBackend } from '../testing/tensors.js';

describe.each(OP_BACKENDS)('maxPool1dView on %s', (backend) => {
  afterAll(async () => {
    await useBackend('cpu');
  });
  it.each([
    [2, 2, 12],
    [2, 2, 13],
    [3, 3, 14],
    [3, 2, 15],
  ])('pool %i stride %i over length %i equals tf.maxPool and its gradient on tfjs-cpu', async (pool, stride, length) => {
    const shape = [3, 1, length, 4] as [number, number, number, number];
    const xs = randomArray(pool * length, 3 * length * 4);
    xs[5] = xs[9]!; // a tie inside one window
    const outLength = Math.floor((length - pool) / stride) + 1;
    const rs = randomArray(7, 3 * outLength * 4);
    const run = async (f: (x: tf.Tensor4D) => tf.Tensor4D) =>
      (
        await readAll(
          tf.tidy(() => {
            const x = tf.tensor4d(xs, shape);
            const y = f(x);
            return [y, tf.grad((a) => tf.sum(tf.mul(f(a as tf.Tensor4D), tf.tensor(rs, y.shape))))(x)];
          }),
        )
      ).map((v) => Array.from(v));
    await useBackend('cpu');
    const ref = await run((x) => tf.maxPool(x, [1, pool], [1, stride], 'valid'));
    await useBackend(backend);
    const got = await run((x) => maxPool1dView(x, pool, stride));
    expect(got[0]).toEqual(ref[0]);
    for (let i = 0; i < ref[1]!.length; i++) expect(got[1]![i]).toBeCloseTo(ref[1]![i]!, 6);
  });

  it.each([
    [2, 2],
    [3, 2],
  ])('afterRelu: pool %i stride %i of a ReLU output gives the plain gradient times the ReLU mask', async (pool, stride) => {
    const shape = [2, 1, 16, 3] as [number, number, number, number];
    const ys = randomArray(31, 2 * 16 * 3).map((v) => Math.max(v, 0));
    const outLength = Math.floor((16 - pool) / stride) + 1;
    const rs = randomArray(8, 2 * outLength * 3);
    const grad = async (f: (y: tf.Tensor4D) => tf.Tensor4D) => {
      const [dx] = await readAll([tf.tidy(() => tf.grad((a) => tf.sum(tf.mul(f(a as tf.Tensor4D), tf.tensor(rs, [2, 1, outLength, 3]))))(tf.tensor4d(ys, shape)))]);
      return Array.from(dx!);
    };
    await useBackend('cpu');
    const masked = (await grad((y) => tf.maxPool(y, [1, pool], [1, stride], 'valid'))).map((g, i) => (ys[i]! > 0 ? g : 0));
    await useBackend(backend);
    expect(ys.filter((v) => v === 0).length).toBeGreaterThan(ys.length / 3);
    expect((await grad((y) => maxPool1dView(y, pool, stride, { afterRelu: true }))).map((v) => v + 0)).toEqual(masked);
  });
});
