import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { rkdAngleLoss } from './rkd-angle-loss.js';
import { errorsAgainstGolden, lossFixtures } from '../testing/loss-fixtures.js';
import { TEST_BACKENDS, useBackend } from '../testing/tf-backends.js';

describe.each(TEST_BACKENDS)('rkdAngleLoss on %s', (backend) => {
  beforeAll(() => useBackend(backend));

  it.each(lossFixtures('rkdAngle').map((c, i) => [i, c] as const))('matches the authors RKdAngle in PyTorch (case %i)', (_i, c) => {
    const t = tf.tensor2d(c.teacher!);
    const errors = errorsAgainstGolden((x) => rkdAngleLoss(x, t), c.student!, c);
    expect(errors.value).toBeLessThan(1e-6);
    expect(errors.grad).toBeLessThan(1e-6);
    t.dispose();
  });

  it('is 0 for a shifted, scaled copy of the teacher in another width', () => {
    const t = tf.tensor2d([[1, 0, 2], [0, 3, 1], [2, 2, 2], [-1, 0, 4], [1, 1, 0]]);
    const s = tf.concat([tf.add(tf.mul(t, 0.2), 7), tf.fill([5, 2], 3)], 1); // [5, 5] vs [5, 3]
    expect(rkdAngleLoss(s, t).dataSync()[0]).toBeCloseTo(0, 6);
    expect(rkdAngleLoss(tf.reverse(s, 0), t).dataSync()[0]).toBeGreaterThan(0.01);
  });

  it('is unchanged by a large common offset (rows are centred before their Gram matrix)', () => {
    const s = tf.randomNormal([16, 8], 0, 1, 'float32', 3) as tf.Tensor2D;
    const t = tf.randomNormal([16, 24], 0, 1, 'float32', 4) as tf.Tensor2D;
    const plain = rkdAngleLoss(s, t).dataSync()[0];
    expect(plain).toBeGreaterThan(0.01);
    expect(Math.abs(rkdAngleLoss(tf.add(s, 100), tf.add(t, -100)).dataSync()[0] - plain)).toBeLessThan(1e-5);
  });

  it('passes no 1e12 gradient through two identical student rows (where F.normalize would)', () => {
    const s = tf.tensor2d([[1, 2], [0, -1], [1, 2], [3, 0]]);
    const t = tf.tensor2d([[0, 1, 2], [1, 1, 1], [2, 0, 1], [0, 0, 3]]);
    const { value, grad } = tf.valueAndGrad((x: tf.Tensor) => rkdAngleLoss(x, t))(s);
    expect(value.dataSync()[0]).toBeGreaterThan(0);
    const g = Array.from(grad.dataSync());
    expect(g.every(Number.isFinite)).toBe(true);
    expect(Math.max(...g.map(Math.abs))).toBeLessThan(1);
    expect(Math.max(...g.map(Math.abs))).toBeGreaterThan(1e-4);
  });

  it('is 0 with a zero gradient for a batch of one', () => {
    const { value, grad } = tf.valueAndGrad((x: tf.Tensor) => rkdAngleLoss(x, tf.tensor2d([[4, 5]])))(tf.tensor2d([[1, 2, 3]]));
    expect(value.dataSync()[0]).toBe(0);
    expect(Array.from(grad.dataSync())).toEqual([0, 0, 0]);
  });

  it('rejects batches of different sizes', () => {
    expect(() => rkdAngleLoss(tf.zeros([2, 3]), tf.zeros([3, 3]))).toThrow(expect.objectContaining({ code: 'LOSS_SHAPE_MISMATCH' }));
  });
});
