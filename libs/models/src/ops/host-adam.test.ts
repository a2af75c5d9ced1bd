import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, describe, expect, it } from 'vitest';
import { createHostAdam } from './host-adam.js';
import { torchAdam } from '../testing/torch-adam.js';

describe.each(['wasm', 'cpu'])('createHostAdam on %s', (backend) => {
  afterAll(async () => {
    await tf.setBackend('cpu');
  });
  it('follows the torch.optim.Adam update, returns the loss and picks up outside assignments', async () => {
    await tf.setBackend(backend);
    const p = tf.variable(tf.tensor1d([1, -2, 3]));
    const target = tf.fill([3], 0.5);
    const adam = createHostAdam({ learningRate: 0.1 });
    const first = adam.minimize(() => tf.sum(tf.square(tf.sub(p, target))), [p]);
    expect(first).toBeCloseTo(0.25 + 6.25 + 6.25, 5);
    for (let i = 0; i < 9; i++) adam.minimize(() => tf.sum(tf.square(tf.sub(p, target))), [p]);
    expect(adam.iterations).toBe(10);
    const got = Array.from(p.dataSync());
    torchAdam(10).forEach((want, i) => expect(got[i]).toBeCloseTo(want, 5));
    p.assign(tf.tensor1d([10, 10, 10]));
    adam.minimize(() => tf.sum(tf.square(tf.sub(p, target))), [p]);
    // One step moves each parameter by at most lr from the assigned value (not from the old one).
    for (const v of p.dataSync()) expect(Math.abs(v - 10)).toBeLessThanOrEqual(0.1 + 1e-6);
    adam.reset();
    expect(adam.iterations).toBe(0);
    p.dispose();
    target.dispose();
  });
});
