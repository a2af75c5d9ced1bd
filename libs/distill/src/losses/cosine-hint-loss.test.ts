import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { adaptivePoolMatrix } from './adaptive-avg-pool.js';
import { cosineHintLoss } from './cosine-hint-loss.js';
import { goldenError, lossFixtures, maxAbsDiff } from '../testing/loss-fixtures.js';
import { TEST_BACKENDS, useBackend } from '../testing/tf-backends.js';

describe.each(TEST_BACKENDS)('cosineHintLoss on %s', (backend) => {
  beforeAll(() => useBackend(backend));

  it.each(lossFixtures('cosine').map((c, i) => [i, c] as const))('matches PyTorch CosineEmbeddingLoss (case %i)', (_i, c) => {
    const a = tf.tensor2d(c.a!);
    const b = tf.tensor2d(c.b!);
    const { value, grad } = tf.valueAndGrad((x: tf.Tensor) => cosineHintLoss(x, b))(a);
    expect(goldenError(value.dataSync()[0], c.value)).toBeLessThan(1e-6);
    expect(maxAbsDiff(grad.arraySync() as number[][], c.grad)).toBeLessThan(1e-6);
    tf.dispose([a, b, value, grad]);
  });

  it('is 0 for parallel vectors and 2 for opposite ones', () => {
    const a = tf.tensor2d([[1, 2, 3]]);
    expect(cosineHintLoss(a, tf.mul(a, 3)).dataSync()[0]).toBeCloseTo(0, 6);
    expect(cosineHintLoss(a, tf.neg(a)).dataSync()[0]).toBeCloseTo(2, 6);
  });

  it('rejects batches of different sizes', () => {
    expect(() => cosineHintLoss(tf.zeros([2, 3]), tf.zeros([3, 3]))).toThrow(expect.objectContaining({ code: 'LOSS_SHAPE_MISMATCH' }));
  });
});

describe('adaptivePoolMatrix', () => {
  it('averages equal groups when the size divides (the seed avg_pool1d)', () => {
    expect(Array.from(adaptivePoolMatrix(4, 2))).toEqual([0.5, 0, 0.5, 0, 0, 0.5, 0, 0.5]);
  });

  it('gives every output column weights summing to 1 for uneven sizes', () => {
    const m = adaptivePoolMatrix(7, 3);
    for (let j = 0; j < 3; j++) {
      let sum = 0;
      for (let i = 0; i < 7; i++) sum += m[i * 3 + j];
      expect(sum).toBeCloseTo(1, 6);
    }
  });

  it('refuses to pool up', () => {
    expect(() => adaptivePoolMatrix(2, 4)).toThrow(expect.objectContaining({ code: 'LOSS_INVALID_ARGUMENT' }));
  });
});
