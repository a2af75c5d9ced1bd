import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { hintMseLoss } from './hint-mse-loss.js';
import { goldenError, lossFixtures, maxAbsDiff } from '../testing/loss-fixtures.js';
import { TEST_BACKENDS, useBackend } from '../testing/tf-backends.js';

describe.each(TEST_BACKENDS)('hintMseLoss on %s', (backend) => {
  beforeAll(() => useBackend(backend));

  it.each(lossFixtures('mse').map((c, i) => [i, c] as const))('matches PyTorch MSELoss (case %i)', (_i, c) => {
    const a = tf.tensor2d(c.a!);
    const b = tf.tensor2d(c.b!);
    const { value, grad } = tf.valueAndGrad((x: tf.Tensor) => hintMseLoss(x, b))(a);
    expect(goldenError(value.dataSync()[0], c.value)).toBeLessThan(1e-6);
    expect(maxAbsDiff(grad.arraySync() as number[][], c.grad)).toBeLessThan(1e-6);
    tf.dispose([a, b, value, grad]);
  });

  it('rejects different feature sizes (that is the regressor job)', () => {
    expect(() => hintMseLoss(tf.zeros([2, 3]), tf.zeros([2, 4]))).toThrow(expect.objectContaining({ code: 'LOSS_SHAPE_MISMATCH' }));
  });
});
