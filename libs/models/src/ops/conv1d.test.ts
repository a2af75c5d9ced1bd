import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { conv1d } from './conv1d.js';
import { randomArray, relError } from '../testing/numeric.js';
import { OP_BACKENDS, readAll, useBackend, type OpBackend } from '../testing/tensors.js';

interface Case {
  batch: number;
  length: number;
  channels: number;
  kernel: number;
  filters: number;
  stride: number;
  padding: 'same' | 'valid';
}

const cases: Case[] = [
  { batch: 3, length: 20, channels: 4, kernel: 5, filters: 6, stride: 1, padding: 'same' },
  { batch: 3, length: 20, channels: 4, kernel: 5, filters: 6, stride: 1, padding: 'valid' },
  { batch: 2, length: 21, channels: 3, kernel: 4, filters: 5, stride: 2, padding: 'same' },
  { batch: 2, length: 21, channels: 3, kernel: 5, filters: 5, stride: 2, padding: 'valid' },
  { batch: 2, length: 22, channels: 1, kernel: 7, filters: 8, stride: 2, padding: 'same' },
  { batch: 2, length: 17, channels: 2, kernel: 2, filters: 3, stride: 3, padding: 'valid' },
  { batch: 1, length: 16, channels: 2, kernel: 3, filters: 2, stride: 3, padding: 'same' },
  { batch: 2, length: 20, channels: 6, kernel: 3, filters: 4, stride: 1, padding: 'same' },
  { batch: 2, length: 21, channels: 5, kernel: 4, filters: 6, stride: 2, padding: 'same' },
  { batch: 2, length: 23, channels: 5, kernel: 5, filters: 3, stride: 2, padding: 'valid' },
];

// The filter gradient has two host paths; the cases above cover both, at strides 1–3 and both
// paddings: the turned-around product for thin inputs (K·C ≤ 16) and colsᵀ · dy (the rest). On
// webgpu the same cases run the backend's backprop kernels with the forward's explicit padding.

/** Reference: tfjs-cpu's built-in conv1d and its built-in gradients, under loss sum(y · r). */
async function reference(c: Case, xs: Float32Array, ks: Float32Array, rs: Float32Array) {
  await useBackend('cpu');
  return run(c, xs, ks, rs, (a, b) => tf.conv1d(a, b, c.stride, c.padding));
}

async function ours(backend: OpBackend, c: Case, xs: Float32Array, ks: Float32Array, rs: Float32Array) {
  await useBackend(backend);
  return run(c, xs, ks, rs, (a, b) => conv1d(a, b, { stride: c.stride, padding: c.padding }));
}

/** y, dx, dk of `conv` under the loss sum(y · r), read on the active backend. */
async function run(c: Case, xs: Float32Array, ks: Float32Array, rs: Float32Array, conv: (x: tf.Tensor3D, k: tf.Tensor3D) => tf.Tensor3D) {
  const yShape = { value: [] as number[] };
  const [y, dx, dk] = await readAll(
    tf.tidy(() => {
      const x = tf.tensor3d(xs, [c.batch, c.length, c.channels]);
      const k = tf.tensor3d(ks, [c.kernel, c.channels, c.filters]);
      const out = conv(x, k);
      yShape.value = out.shape;
      const f = (a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.mul(conv(a as tf.Tensor3D, b as tf.Tensor3D), tf.tensor(rs, out.shape)));
      return [out, ...tf.grads(f)([x, k])];
    }),
  );
  return { y: y!, dx: dx!, dk: dk!, yShape: yShape.value };
}

describe.each(OP_BACKENDS)('conv1d on %s', (backend) => {
  afterAll(async () => {
    await useBackend('cpu');
  });
  it.each(cases)('matches tfjs-cpu conv1d value and gradients to 1e-4 (%o)', async (c) => {
    const xs = randomArray(1, c.batch * c.length * c.channels);
    const ks = randomArray(2, c.kernel * c.channels * c.filters);
    const outLength = c.padding === 'same' ? Math.ceil(c.length / c.stride) : Math.floor((c.length - c.kernel) / c.stride) + 1;
    const rs = randomArray(3, c.batch * outLength * c.filters);
    const ref = await reference(c, xs, ks, rs);
    const got = await ours(backend, c, xs, ks, rs);
    expect(got.yShape).toEqual(ref.yShape);
    expect(got.dx.length).toBe(ref.dx.length);
    expect(got.dk.length).toBe(ref.dk.length);
    expect(relError(got.y, ref.y)).toBeLessThan(1e-4);
    expect(relError(got.dx, ref.dx)).toBeLessThan(1e-4);
    expect(relError(got.dk, ref.dk)).toBeLessThan(1e-4);
  });

  it('with bias and ReLU equals relu(tf.conv1d + bias): value and the three gradients (tfjs-cpu)', async () => {
    const c = { batch: 3, length: 15, channels: 4, kernel: 3, filters: 5, stride: 2, padding: 'same' as const };
    const xs = randomArray(21, 3 * 15 * 4);
    const ks = randomArray(22, 3 * 4 * 5);
    const bs = randomArray(23, 5);
    const rs = randomArray(24, 3 * 8 * 5);
    const runFused = (f: (x: tf.Tensor, k: tf.Tensor, b: tf.Tensor) => tf.Tensor) =>
      readAll(
        tf.tidy(() => {
          const args = [tf.tensor3d(xs, [3, 15, 4]), tf.tensor3d(ks, [3, 4, 5]), tf.tensor1d(bs)];
          const y = f(args[0]!, args[1]!, args[2]!);
          return [y, ...tf.grads((x, k, b) => tf.sum(tf.mul(f(x!, k!, b!), tf.tensor(rs, [3, 8, 5]))))(args)];
        }),
      );
    await useBackend('cpu');
    const ref = await runFused((x, k, b) => tf.relu(tf.add(tf.conv1d(x as tf.Tensor3D, k as tf.Tensor3D, c.stride, c.padding), b)));
    await useBackend(backend);
    const got = await runFused((x, k, b) => conv1d(x as tf.Tensor3D, k as tf.Tensor3D, { stride: c.stride, padding: c.padding, relu: true }, b as tf.Tensor1D));
    for (let i = 0; i < 4; i++) expect(relError(got[i]!, ref[i]!)).toBeLessThan(1e-4);
  });

  it('gives a zero input gradient, and the same filter gradient, when inputGrad is false', async () => {
    await useBackend(backend);
    const [onDx, onDk, offDx, offDk] = await readAll(
      tf.tidy(() => {
        const x = tf.tensor3d(randomArray(4, 2 * 12 * 3), [2, 12, 3]);
        const k = tf.tensor3d(randomArray(5, 3 * 3 * 4), [3, 3, 4]);
        const on = tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.square(conv1d(a as tf.Tensor3D, b as tf.Tensor3D, { stride: 1, padding: 'same' }))))([x, k]);
        const off = tf.grads((a: tf.Tensor, b: tf.Tensor) =>
          tf.sum(tf.square(conv1d(a as tf.Tensor3D, b as tf.Tensor3D, { stride: 1, padding: 'same', inputGrad: false }))),
        )([x, k]);
        return [...on, ...off];
      }),
    );
    expect(Math.max(...offDx!.map(Math.abs))).toBe(0);
    expect(Math.max(...onDx!.map(Math.abs))).toBeGreaterThan(0);
    expect(relError(offDk!, onDk!)).toBe(0);
  });
});
