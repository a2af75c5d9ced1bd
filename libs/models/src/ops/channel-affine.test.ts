import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, describe, expect, it } from 'vitest';
import { channelAffine } from './channel-affine.js';

describe.each(['wasm', 'cpu'])('channelAffine on %s', (backend) => {
  afterAll(async () => {
    await tf.setBackend('cpu');
  });
  it.each([false, true])('equals x · scale + shift per channel (relu %s)', async (relu) => {
    await tf.setBackend(backend);
    const values = Float32Array.from({ length: 50 * 3 }, (_, i) => Math.sin(i * 1.3));
    const scale = Float32Array.from([2, -0.5, 1.5]);
    const shift = Float32Array.from([0.1, 0.2, -0.3]);
    const got = tf.tidy(() => Array.from(channelAffine(tf.tensor4d(values, [1, 1, 50, 3]), scale, shift, relu).dataSync()));
    got.forEach((v, i) => {
      const z = values[i]! * scale[i % 3]! + shift[i % 3]!;
      expect(v).toBeCloseTo(relu ? Math.max(z, 0) : z, 6);
    });
  });
});
