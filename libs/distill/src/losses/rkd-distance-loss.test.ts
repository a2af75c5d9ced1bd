import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { rkdDistanceLoss } from './rkd-distance-loss.js';
import { errorsAgainstGolden, lossFixtures } from '../testing/loss-fixtures.js';
import { TEST_BACKENDS, useBackend } from '../testing/tf-backends.js';

describe.each(TEST_BACKENDS)('rkdDistanceLoss on %s', (backend) => {
  beforeAll(() => useBackend(backend));

  it.each(lossFixtures('rkdDistance').map((c, i) => [i, c] as const))('matches the authors RkdDistance in PyTorch (case %i)', (_i, c) => {
    const t = tf.tensor2d(c.teacher!);
    const errors = errorsAgainstGolden((x) => rkdDistanceLoss(x, t), c.student!, c);
    expect(errors.value).toBeLessThan(1e-6);
    expect(errors.grad).toBeLessThan(1e-6);
    t.dispose();
  });

  it('is 0 for a student of another width with the same geometry up to scale', () => {
    const t = tf.tensor2d([[1, 0, 2], [0, 3, 1], [2, 2, 2], [-1, 0, 4]]);
    const s = tf.concat([tf.mul(t, 5), tf.zeros([4, 4])], 1); // [4, 7] vs [4, 3]
    expect(rkdDistanceLoss(s, t).dataSync()[0]).toBeCloseTo(0, 6);
    expect(rkdDistanceLoss(tf.reverse(s, 0), t).dataSync()[0]).toBeGreaterThan(0.01);
  });

  it('is 0 with a zero gradient for batches of one and two (no pair to compare)', () => {
    for (const [s, t] of [
      [[[1, 2, 3]], [[4, 5]]],
      [[[1, 2, 3], [0, 1, -1]], [[4, 5], [4, 5]]],
    ]) {
      const teacher = tf.tensor2d(t);
      const { value, grad } = tf.valueAndGrad((x: tf.Tensor) => rkdDistanceLoss(x, teacher))(tf.tensor2d(s));
      expect(value.dataSync()[0]).toBeCloseTo(0, 6);
      expect(Array.from(grad.dataSync()).every((g) => Math.abs(g) < 1e-6)).toBe(true);
    }
  });

  it('stays finite when every embedding is identical (all distances clamp to 1e-6)', () => {
    const s = tf.ones([5, 4]);
    const { value, grad } = tf.valueAndGrad((x: tf.Tensor) => rkdDistanceLoss(x, tf.ones([5, 9])))(s);
    expect(value.dataSync()[0]).toBeCloseTo(0, 6);
    expect(Array.from(grad.dataSync())).toEqual(new Array(20).fill(0));
  });

  it('rejects batches of different sizes and non-matrix inputs', () => {
    expect(() => rkdDistanceLoss(tf.zeros([2, 3]), tf.zeros([3, 3]))).toThrow(expect.objectContaining({ code: 'LOSS_SHAPE_MISMATCH' }));
    expect(() => rkdDistanceLoss(tf.zeros([2, 3, 1]), tf.zeros([2, 3]))).toThrow(expect.objectContaining({ code: 'LOSS_INVALID_ARGUMENT' }));
  });
});
