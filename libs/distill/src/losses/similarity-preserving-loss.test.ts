import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { similarityPreservingLoss } from './similarity-preserving-loss.js';
import { errorsAgainstGolden, lossFixtures } from '../testing/loss-fixtures.js';
import { TEST_BACKENDS, useBackend } from '../testing/tf-backends.js';

describe.each(TEST_BACKENDS)('similarityPreservingLoss on %s', (backend) => {
  beforeAll(() => useBackend(backend));

  it.each(lossFixtures('sp').map((c, i) => [i, c] as const))('matches RepDistiller Similarity in PyTorch (case %i)', (_i, c) => {
    const t = tf.tensor2d(c.teacher!);
    const errors = errorsAgainstGolden((x) => similarityPreservingLoss(x, t), c.student!, c);
    expect(errors.value).toBeLessThan(1e-6);
    expect(errors.grad).toBeLessThan(1e-6);
    t.dispose();
  });

  it('is 0 for a scaled copy of the teacher padded to another width, > 0 for a reordered one', () => {
    const t = tf.tensor2d([[1, 0, 2], [0, 3, 1], [2, 2, 2], [1, 0, 4]]);
    const s = tf.concat([tf.mul(t, 3), tf.zeros([4, 5])], 1); // [4, 8] vs [4, 3]
    expect(similarityPreservingLoss(s, t).dataSync()[0]).toBeCloseTo(0, 6);
    expect(similarityPreservingLoss(tf.reverse(s, 0), t).dataSync()[0]).toBeGreaterThan(0.01);
  });

  it('keeps an all-zero student embedding finite and its gradient moderate', () => {
    const s = tf.tensor2d([[1, 2], [0, 0], [2, 1]]);
    const t = tf.tensor2d([[0, 1, 2], [1, 1, 1], [2, 0, 1]]);
    const { value, grad } = tf.valueAndGrad((x: tf.Tensor) => similarityPreservingLoss(x, t))(s);
    expect(value.dataSync()[0]).toBeGreaterThan(0);
    const g = Array.from(grad.dataSync());
    expect(g.every(Number.isFinite)).toBe(true);
    expect(Math.max(...g.map(Math.abs))).toBeLessThan(1);
  });

  it('is 0 for a batch of one', () => {
    expect(similarityPreservingLoss(tf.tensor2d([[1, 2, 3]]), tf.tensor2d([[4, 5]])).dataSync()[0]).toBeCloseTo(0, 6);
  });

  it('rejects batches of different sizes', () => {
    expect(() => similarityPreservingLoss(tf.zeros([2, 3]), tf.zeros([3, 3]))).toThrow(expect.objectContaining({ code: 'LOSS_SHAPE_MISMATCH' }));
  });
});
