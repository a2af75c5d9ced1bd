import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { l2Normalize } from './l2-normalize.js';
import { TEST_BACKENDS, useBackend } from '../testing/tf-backends.js';

describe.each(TEST_BACKENDS)('l2Normalize on %s', (backend) => {
  beforeAll(() => useBackend(backend));

  it('scales each vector to unit length and leaves a zero vector at 0', () => {
    expect(Array.from(l2Normalize(tf.tensor2d([[3, 4], [0, 0]]), 1).dataSync())).toEqual([0.6000000238418579, 0.800000011920929, 0, 0]);
    expect(Array.from(l2Normalize(tf.tensor2d([[3, 0], [4, 0]]), 0).dataSync(), (v) => Math.round(v * 1e6) / 1e6)).toEqual([0.6, 0, 0.8, 0]);
  });

  it('passes no gradient through a zero vector (PyTorch F.normalize passes 1e12)', () => {
    const grad = tf.grad((x: tf.Tensor) => tf.sum(tf.mul(l2Normalize(x, 1), tf.tensor2d([[1, 2], [1, 2]]))))(tf.tensor2d([[3, 4], [0, 0]]));
    const g = Array.from(grad.dataSync());
    // d/dx of ⟨x/‖x‖, w⟩ at x = (3, 4), w = (1, 2): (w − ⟨u, w⟩u)/‖x‖ = (−0.064, 0.048).
    expect(g[0]).toBeCloseTo(-0.064, 6);
    expect(g[1]).toBeCloseTo(0.048, 6);
    expect(g.slice(2)).toEqual([0, 0]);
  });
});
