import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { createAdam } from './adam.js';
import { OP_BACKENDS, readAll, useBackend } from '../testing/tensors.js';
import { torchAdam } from '../testing/torch-adam.js';

describe.each(OP_BACKENDS)('createAdam on %s', (backend) => {
  afterAll(async () => {
    await useBackend('cpu');
  });

  it('follows torch.optim.Adam, returns each loss as a tensor, honours a changed learning rate, and leaves no tensor behind', async () => {
    await useBackend(backend);
    const p = tf.variable(tf.tensor1d([1, -2, 3]));
    const target = tf.fill([3], 0.5);
    const adam = createAdam({ learningRate: 0.1 });
    const tensorsBefore = tf.memory().numTensors;
    const loss = () => tf.sum(tf.square(tf.sub(p, target))) as tf.Scalar;
    const losses = [];
    for (let i = 0; i < 10; i++) losses.push(adam.minimize(loss, [p]));
    const values = await readAll(losses);
    expect(values[0]![0]).toBeCloseTo(0.25 + 6.25 + 6.25, 5);
    expect(values[9]![0]).toBeLessThan(values[0]![0]!);
    const [after] = await readAll([tf.clone(p)]);
    torchAdam(10).forEach((want, i) => expect(after![i]).toBeCloseTo(want, 5));
    adam.learningRate = 0;
    tf.dispose(adam.minimize(loss, [p]));
    const [frozen] = await readAll([tf.clone(p)]);
    expect(frozen).toEqual(after);
    adam.dispose();
    expect(tf.memory().numTensors).toBe(tensorsBefore);
    tf.dispose([p, target]);
  });
});
