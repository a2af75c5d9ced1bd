import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, describe, expect, it } from 'vitest';
import { hostOutput, hostView } from './host-view.js';

describe.each(['wasm', 'cpu'])('hostView on %s', (backend) => {
  afterAll(async () => {
    await tf.setBackend('cpu');
  });
  it('returns the tensor values as a Float32Array', async () => {
    await tf.setBackend(backend);
    const t = tf.add(tf.tensor1d([1, 2, 3]), 1);
    const view = hostView(t);
    expect(view).toBeInstanceOf(Float32Array);
    expect(Array.from(view)).toEqual([2, 3, 4]);
    t.dispose();
  });

  it('hostOutput gives zeros to write and a tensor holding what was written', async () => {
    await tf.setBackend(backend);
    const out = hostOutput([2, 2]);
    expect(Array.from(out.values)).toEqual([0, 0, 0, 0]);
    out.values.set([1, 2, 3, 4]);
    const t = out.finish();
    expect(t.shape).toEqual([2, 2]);
    expect(Array.from(t.dataSync())).toEqual([1, 2, 3, 4]);
    t.dispose();
  });
});
