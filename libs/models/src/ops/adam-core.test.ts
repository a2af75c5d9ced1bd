import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { adamWith, type AdamStep } from './adam-core.js';

describe('adamWith', () => {
  it('hands each variable its gradient with the bias-corrected coefficients, and forgets on dispose', async () => {
    await tf.setBackend('cpu');
    const seen: { name: string; grad: number[]; step: AdamStep }[] = [];
    let forgotten = 0;
    const a = tf.variable(tf.tensor1d([1, 2]), true, 'core-a');
    const b = tf.variable(tf.tensor1d([3]), true, 'core-b');
    const adam = adamWith(
      { learningRate: 0.1, beta1: 0.5 },
      (variable, grad, step) => seen.push({ name: variable.name, grad: Array.from(grad.dataSync()), step }),
      () => forgotten++,
    );
    const loss = () => tf.add(tf.sum(tf.square(a)), tf.mul(b, 2).sum()) as tf.Scalar;
    tf.dispose(adam.minimize(loss, [a, b]));
    adam.learningRate = 0.05;
    const value = adam.minimize(loss, [a, b]);
    expect(value.dataSync()[0]).toBe(1 + 4 + 6);
    expect(seen.map((s) => [s.name, s.grad])).toEqual([
      ['core-a', [2, 4]],
      ['core-b', [2]],
      ['core-a', [2, 4]],
      ['core-b', [2]],
    ]);
    expect(seen[0]!.step).toEqual({ beta1: 0.5, beta2: 0.999, epsilon: 1e-8, stepSize: 0.1 / 0.5, invC2: 1 / (1 - 0.999) });
    expect(seen[2]!.step.stepSize).toBeCloseTo(0.05 / (1 - 0.25), 12);
    expect(adam.iterations).toBe(2);
    adam.dispose();
    expect(forgotten).toBe(1);
    expect(adam.iterations).toBe(0);
    tf.dispose([a, b, value]);
  });
});
