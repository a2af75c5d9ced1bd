import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { smoothL1Loss } from './smooth-l1-loss.js';
import { TEST_BACKENDS, useBackend } from '../testing/tf-backends.js';

describe.each(TEST_BACKENDS)('smoothL1Loss on %s', (backend) => {
  beforeAll(() => useBackend(backend));

  it('is quadratic inside |x| < 1 and linear outside, averaged', () => {
    // ℓ(0.5) = 0.125, ℓ(−3) = 2.5, ℓ(0) = 0.
    expect(smoothL1Loss(tf.tensor1d([0.5, 0, 0]), tf.tensor1d([0, 3, 0])).dataSync()[0]).toBeCloseTo((0.125 + 2.5) / 3, 6);
  });

  it('has gradient x inside, sign(x) outside and 0 at x = 0', () => {
    const grad = tf.grad((a: tf.Tensor) => smoothL1Loss(a, tf.zeros([4])))(tf.tensor1d([0.5, -3, 0, 2]));
    const expected = [0.125, -0.25, 0, 0.25];
    grad.dataSync().forEach((g, i) => expect(g).toBeCloseTo(expected[i], 7));
  });
});
