import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { crossEntropyLoss } from './cross-entropy-loss.js';
import { goldenError, lossFixtures, maxAbsDiff } from '../testing/loss-fixtures.js';
import { TEST_BACKENDS, useBackend } from '../testing/tf-backends.js';

describe.each(TEST_BACKENDS)('crossEntropyLoss on %s', (backend) => {
  beforeAll(() => useBackend(backend));

  it.each(lossFixtures('crossEntropy').map((c, i) => [i, c] as const))('matches PyTorch value and gradient (case %i)', (_i, c) => {
    const s = tf.tensor2d(c.student!);
    const y = tf.tensor1d(c.labels!, 'int32');
    const { value, grad } = tf.valueAndGrad((x: tf.Tensor) => crossEntropyLoss(x, y))(s);
    expect(goldenError(value.dataSync()[0], c.value)).toBeLessThan(1e-6);
    expect(maxAbsDiff(grad.arraySync() as number[][], c.grad)).toBeLessThan(1e-6);
    tf.dispose([s, y, value, grad]);
  });

  it('equals log(C) for uniform logits', () => {
    const loss = crossEntropyLoss(tf.zeros([4, 5]), tf.tensor1d([0, 1, 2, 4], 'int32'));
    expect(loss.dataSync()[0]).toBeCloseTo(Math.log(5), 6);
  });

  it('rejects float labels and a label count that does not match the batch', () => {
    const logits = tf.zeros([2, 3]);
    expect(() => crossEntropyLoss(logits, tf.tensor1d([0, 1]))).toThrow(expect.objectContaining({ code: 'LOSS_INVALID_ARGUMENT' }));
    expect(() => crossEntropyLoss(logits, tf.tensor1d([0], 'int32'))).toThrow(expect.objectContaining({ code: 'LOSS_SHAPE_MISMATCH' }));
  });
});
