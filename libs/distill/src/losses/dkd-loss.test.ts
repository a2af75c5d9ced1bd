import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { dkdLoss } from './dkd-loss.js';
import { kdLoss } from './kd-loss.js';
import { goldenError, lossFixtures, maxAbsDiff } from '../testing/loss-fixtures.js';
import { TEST_BACKENDS, useBackend } from '../testing/tf-backends.js';

describe.each(TEST_BACKENDS)('dkdLoss on %s', (backend) => {
  beforeAll(() => useBackend(backend));

  it.each(lossFixtures('dkd').map((c, i) => [i, c] as const))('matches mdistiller value and gradient (case %i)', (_i, c) => {
    const s = tf.tensor2d(c.student!);
    const t = tf.tensor2d(c.teacher!);
    const y = tf.tensor1d(c.labels!, 'int32');
    const options = { alpha: c.alpha!, beta: c.beta!, temperature: c.temperature! };
    const { value, grad } = tf.valueAndGrad((x: tf.Tensor) => dkdLoss(x, t, y, options))(s);
    expect(goldenError(value.dataSync()[0], c.value)).toBeLessThan(1e-6);
    expect(maxAbsDiff(grad.arraySync() as number[][], c.grad)).toBeLessThan(1e-6);
    tf.dispose([s, t, y, value, grad]);
  });

  it('reduces to classical KD when beta is the teacher non-target mass (KD = TCKD + (1 − p_g)·NCKD)', () => {
    // One row: beta = 1 − p_g(teacher) makes DKD(α=1) equal to KD exactly (Zhao et al., Eq. 6).
    const s = tf.tensor2d([[0.3, -1.2, 2.0, 0.5]]);
    const t = tf.tensor2d([[1.5, 0.2, -0.7, 0.1]]);
    const T = 2;
    const pg = tf.softmax(tf.div(t, T)).dataSync()[0];
    const dkd = dkdLoss(s, t, tf.tensor1d([0], 'int32'), { alpha: 1, beta: 1 - pg, temperature: T }).dataSync()[0];
    expect(dkd).toBeCloseTo(kdLoss(s, t, T).dataSync()[0], 5);
  });

  it('rejects a single class', () => {
    const z = tf.zeros([2, 1]);
    expect(() => dkdLoss(z, z, tf.tensor1d([0, 0], 'int32'), { alpha: 1, beta: 1, temperature: 1 })).toThrow(
      expect.objectContaining({ code: 'LOSS_INVALID_ARGUMENT' }),
    );
  });
});
