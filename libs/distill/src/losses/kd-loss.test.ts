import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { kdLoss } from './kd-loss.js';
import { goldenError, lossFixtures, maxAbsDiff } from '../testing/loss-fixtures.js';
import { TEST_BACKENDS, useBackend } from '../testing/tf-backends.js';

describe.each(TEST_BACKENDS)('kdLoss on %s', (backend) => {
  beforeAll(() => useBackend(backend));

  it.each(lossFixtures('kd').map((c, i) => [i, c] as const))('matches PyTorch value and gradient (case %i)', (_i, c) => {
    const s = tf.tensor2d(c.student!);
    const t = tf.tensor2d(c.teacher!);
    const { value, grad } = tf.valueAndGrad((x: tf.Tensor) => kdLoss(x, t, c.temperature!))(s);
    expect(goldenError(value.dataSync()[0], c.value)).toBeLessThan(1e-6);
    expect(maxAbsDiff(grad.arraySync() as number[][], c.grad)).toBeLessThan(1e-6);
    tf.dispose([s, t, value, grad]);
  });

  it('is zero when student and teacher agree, positive otherwise', () => {
    const z = tf.tensor2d([[1, 2, 3], [0, -1, 4]]);
    expect(kdLoss(z, z, 3).dataSync()[0]).toBeCloseTo(0, 6);
    expect(kdLoss(tf.zeros([2, 3]), z, 3).dataSync()[0]).toBeGreaterThan(0);
  });

  it('stays finite when a teacher probability underflows', () => {
    const t = tf.tensor2d([[200, -200, 0]]);
    expect(Number.isFinite(kdLoss(tf.tensor2d([[0, 0, 0]]), t, 1).dataSync()[0])).toBe(true);
  });

  it('rejects mismatched shapes and a non-positive temperature with coded errors', () => {
    const a = tf.zeros([2, 3]);
    expect(() => kdLoss(a, tf.zeros([2, 4]), 2)).toThrow(expect.objectContaining({ code: 'LOSS_SHAPE_MISMATCH' }));
    expect(() => kdLoss(a, a, 0)).toThrow(expect.objectContaining({ code: 'LOSS_INVALID_ARGUMENT' }));
  });
});
