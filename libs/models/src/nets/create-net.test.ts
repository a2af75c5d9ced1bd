import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '@painkd/signals';
import { initBackend } from '../backends/init-backend.js';
import { createHostAdam } from '../ops/host-adam.js';
import { buildNetSpec } from './arch-registry.js';
import { createNet } from './create-net.js';
import { createHintRegressor } from './hint-regressor.js';
import { NetError } from './net-error.js';
import { countParams } from './net-shapes.js';
import { predictNet } from './predict-net.js';

const io = { inputLength: 176, channels: 1, classes: 5 };

function windows(seed: number, n: number): Float32Array {
  const rng = createRng(seed);
  const out = new Float32Array(n * io.inputLength);
  for (let i = 0; i < out.length; i++) out[i] = rng.normal();
  return out;
}

beforeAll(async () => {
  await initBackend('wasm');
});

describe('createNet', () => {
  it.each(['teacher-cnn', 'student-tiny', 'seed-conv1d'])('%s: shapes, parameter count and hidden size agree with the spec', (arch) => {
    const spec = buildNetSpec(arch, {}, io);
    const net = createNet(spec, { seed: 1 });
    const out = tf.tidy(() => {
      const { logits, hidden } = net.apply(tf.tensor3d(windows(2, 4), [4, io.inputLength, 1]), false);
      return [logits.shape, hidden.shape];
    });
    expect(out).toEqual([
      [4, 5],
      [4, net.hiddenSize],
    ]);
    expect(net.paramCount).toBe(countParams(spec).trainable);
    const summed = net.trainableVariables.reduce((n, v) => n + v.size, 0);
    expect(summed).toBe(net.paramCount);
    net.dispose();
  });

  it('same spec and seed give the same weights; another seed does not', () => {
    const spec = buildNetSpec('student-tiny', {}, io);
    const [a, b, c] = [1, 1, 2].map((seed) => createNet(spec, { seed }));
    const wa = a!.getWeights().get('conv2/kernel')!.data;
    expect(b!.getWeights().get('conv2/kernel')!.data).toEqual(wa);
    expect(c!.getWeights().get('conv2/kernel')!.data).not.toEqual(wa);
    for (const n of [a, b, c]) n!.dispose();
  });

  it('getWeights/setWeights round-trip (BN moving statistics included) and reject wrong shapes', () => {
    const spec = buildNetSpec('student-tiny', {}, io);
    const a = createNet(spec, { seed: 1 });
    const b = createNet(spec, { seed: 9 });
    tf.tidy(() => a.apply(tf.tensor3d(windows(3, 8), [8, io.inputLength, 1]), true));
    const w = a.getWeights();
    expect([...w.keys()]).toContain('bn1/movingMean');
    expect(Math.max(...w.get('bn1/movingMean')!.data.map(Math.abs))).toBeGreaterThan(0);
    b.setWeights(w);
    const x = windows(4, 3);
    expect(predictNet(b, x).logits).toEqual(predictNet(a, x).logits);
    const bad = new Map(w);
    bad.set('conv1/kernel', { shape: [1], data: new Float32Array(1) });
    expect(() => b.setWeights(bad)).toThrow(NetError);
    const missing = new Map(w);
    missing.delete('logits/bias');
    expect(() => b.setWeights(missing)).toThrow(/missing weight "logits\/bias"/);
    a.dispose();
    b.dispose();
  });

  it('readWeights reads the same copy asynchronously on every backend; getWeights and predictNet refuse a GPU backend with NET_SYNC_READ', async () => {
    const spec = buildNetSpec('student-tiny', {}, io);
    const a = createNet(spec, { seed: 1 });
    const w = a.getWeights();
    expect(await a.readWeights()).toEqual(w);
    a.dispose();
    await initBackend('webgpu');
    const g = createNet(spec, { seed: 5 });
    g.setWeights(w);
    expect(await g.readWeights()).toEqual(w);
    expect(() => g.getWeights()).toThrow(expect.objectContaining({ code: 'NET_SYNC_READ' }));
    expect(() => predictNet(g, windows(2, 1))).toThrow(expect.objectContaining({ code: 'NET_SYNC_READ' }));
    g.dispose();
    await initBackend('wasm');
  });

  it('training mode: batch statistics, moving-stat updates and seeded dropout; inference is deterministic', () => {
    const spec = buildNetSpec('teacher-cnn', {}, io);
    const net = createNet(spec, { seed: 5 });
    const twin = createNet(spec, { seed: 5 });
    const x = windows(6, 6);
    const infer1 = predictNet(net, x).logits;
    const infer2 = predictNet(net, x).logits;
    expect(infer1).toEqual(infer2);
    const train = (n: typeof net) => tf.tidy(() => Float32Array.from(n.apply(tf.tensor3d(x, [6, io.inputLength, 1]), true).logits.dataSync()));
    const t1 = train(net);
    expect(train(twin)).toEqual(t1);
    expect(train(net)).not.toEqual(t1);
    expect(predictNet(net, x).logits).not.toEqual(infer1);
    net.dispose();
    twin.dispose();
  });

  it('trains: a few Adam steps on a separable toy task lower the loss, on wasm', () => {
    const spec = buildNetSpec('student-tiny', {}, { ...io, classes: 2 });
    const net = createNet(spec, { seed: 3 });
    const rng = createRng(8);
    const n = 32;
    const xs = new Float32Array(n * io.inputLength);
    const ys = new Float32Array(n * 2);
    for (let i = 0; i < n; i++) {
      const label = i % 2;
      ys[i * 2 + label] = 1;
      for (let t = 0; t < io.inputLength; t++) xs[i * io.inputLength + t] = (label ? Math.sin(t / 4) : 0) + 0.3 * rng.normal();
    }
    const x = tf.tensor3d(xs, [n, io.inputLength, 1]);
    const y = tf.tensor2d(ys, [n, 2]);
    const opt = tf.train.adam(0.01);
    const lossOf = () => tf.losses.softmaxCrossEntropy(y, net.apply(x, true).logits) as tf.Scalar;
    const first = tf.tidy(() => lossOf().dataSync()[0]!);
    for (let i = 0; i < 15; i++) tf.tidy(() => {
      opt.minimize(lossOf, false, net.trainableVariables);
    });
    const last = tf.tidy(() => lossOf().dataSync()[0]!);
    expect(last).toBeLessThan(first * 0.7);
    opt.dispose();
    x.dispose();
    y.dispose();
    net.dispose();
    expect(() => net.apply(x, false)).toThrow(/disposed/);
  });

  it('a net or hint regressor built and disposed leaves no tensor behind', () => {
    const before = tf.memory().numTensors;
    createNet(buildNetSpec('teacher-cnn', {}, io), { seed: 3 }).dispose();
    createHintRegressor(32, 128, { seed: 3 }).dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it.each(['teacher-cnn', 'seed-conv1d'])('%s: training steps with host Adam leak no tensors', (arch) => {
    const net = createNet(buildNetSpec(arch, {}, io), { seed: 2 });
    const x = tf.tensor3d(windows(9, 4), [4, io.inputLength, 1]);
    const y = tf.oneHot(tf.tensor1d([0, 1, 2, 3], 'int32'), 5);
    const adam = createHostAdam({ learningRate: 1e-3 });
    const step = () => adam.minimize(() => tf.losses.softmaxCrossEntropy(y, net.apply(x, true).logits) as tf.Scalar, net.trainableVariables);
    step();
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) step();
    predictNet(net, windows(10, 3));
    expect(tf.memory().numTensors).toBe(before);
    net.dispose();
    x.dispose();
    y.dispose();
  });

  it('rejects a wrong input shape with NET_BAD_INPUT', () => {
    const net = createNet(buildNetSpec('student-tiny', {}, io), { seed: 1 });
    expect(() => tf.tidy(() => net.apply(tf.zeros([2, 100, 1]) as tf.Tensor3D, false))).toThrow(expect.objectContaining({ code: 'NET_BAD_INPUT' }));
    expect(() => predictNet(net, new Float32Array(10))).toThrow(NetError);
    net.dispose();
  });
});

describe('createHintRegressor', () => {
  it('maps student hidden to teacher hidden and is trainable', () => {
    const reg = createHintRegressor(32, 128, { seed: 1 });
    expect(reg.trainableVariables.map((v) => v.shape)).toEqual([[32, 128], [128]]);
    const out = tf.tidy(() => reg.apply(tf.ones([3, 32])).shape);
    expect(out).toEqual([3, 128]);
    const grads = tf.tidy(() => {
      const { grads: g } = tf.variableGrads(() => tf.sum(tf.square(reg.apply(tf.ones([3, 32])))) as tf.Scalar, reg.trainableVariables);
      return Object.keys(g).length;
    });
    expect(grads).toBe(2);
    expect(() => createHintRegressor(0, 4, { seed: 1 })).toThrow(NetError);
    expect(() => tf.tidy(() => reg.apply(tf.ones([3, 31])))).toThrow(/expected \[batch, 32\]/);
    reg.dispose();
  });
});
