import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, describe, expect, it } from 'vitest';
import { createHostAdam } from './host-adam.js';

/** Values from torch.optim.Adam(lr=0.1) minimising sum((p − t)²), p0 = [1, −2, 3], t = [0.5, 0.5, 0.5]. */
function torchAdam(steps: number): number[] {
  const p = [1, -2, 3];
  const t = 0.5;
  const m = [0, 0, 0];
  const v = [0, 0, 0];
  for (let s = 1; s <= steps; s++) {
    for (let i = 0; i < 3; i++) {
      const g = 2 * (p[i]! - t);
      m[i] = 0.9 * m[i]! + 0.1 * g;
      v[i] = 0.999 * v[i]! + 0.001 * g * g;
      p[i] = p[i]! - (0.1 * (m[i]! / (1 - 0.9 ** s))) / (Math.sqrt(v[i]! / (1 - 0.999 ** s)) + 1e-8);
    }
  }
  return p;
}

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
