import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, describe, expect, it } from 'vitest';
import { globalAvgPool1dView } from './global-avg-pool1d.js';

describe.each(['wasm', 'cpu'])('globalAvgPool1dView on %s', (backend) => {
  afterAll(async () => {
    await tf.setBackend('cpu');
  });
  it('equals tf.mean over the length axis, value and gradient', async () => {
    await tf.setBackend(backend);
    const [got, want] = tf.tidy(() => {
      const x = tf.tensor4d(Float32Array.from({ length: 2 * 7 * 3 }, (_, i) => Math.sin(i)), [2, 1, 7, 3]);
      const r = tf.tensor2d([1, -2, 3, 0.5, 4, -1], [2, 3]);
      const ours = (a: tf.Tensor) => globalAvgPool1dView(a as tf.Tensor4D);
      const builtin = (a: tf.Tensor) => tf.mean(tf.reshape(a, [2, 7, 3]), 1);
      const run = (f: (a: tf.Tensor) => tf.Tensor) => [f(x), tf.grad((a) => tf.sum(tf.mul(f(a), r)))(x)].map((t) => Array.from(t.dataSync()));
      return [run(ours), run(builtin)];
    });
    for (let i = 0; i < 2; i++) got![i]!.forEach((v, j) => expect(v).toBeCloseTo(want![i]![j]!, 6));
  });
});
