import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, describe, expect, it } from 'vitest';
import { channelMean } from './channel-mean.js';

describe.each(['wasm', 'cpu'])('channelMean on %s', (backend) => {
  afterAll(async () => {
    await tf.setBackend('cpu');
  });
  it('equals the per-channel mean over all leading axes, for large N too', async () => {
    await tf.setBackend(backend);
    const n = 64 * 88;
    const values = Float32Array.from({ length: n * 3 }, (_, i) => 3 + Math.sin(i * 0.37));
    const got = tf.tidy(() => Array.from(channelMean(tf.tensor3d(values, [64, 88, 3]), n, 3).dataSync()));
    const want = [0, 1, 2].map((c) => {
      let s = 0;
      for (let i = 0; i < n; i++) s += values[i * 3 + c]!;
      return s / n;
    });
    got.forEach((v, c) => expect(v).toBeCloseTo(want[c]!, 5));
  });
});
