/**
 * Whole-net gradient parity: every trainable gradient of painkd's nets (custom conv, batch-norm,
 * pooling and dense gradients, on wasm, cpu and webgpu) against the same net written with tfjs
 * built-in ops and differentiated by tfjs itself on the cpu backend.
 */
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '@painkd/signals';
import { initBackend } from '../backends/init-backend.js';
import { buildNetSpec, registerArch } from './arch-registry.js';
import { createNet } from './create-net.js';
import type { NetSpec, NetWeights } from './net-spec.js';
import { relError } from '../testing/numeric.js';
import { OP_BACKENDS, readAll, type OpBackend } from '../testing/tensors.js';

const io = { inputLength: 176, channels: 1, classes: 5 };
const batch = 6;

/** The spec's forward pass in built-in tfjs ops (training mode, no dropout). */
function referenceLogits(spec: NetSpec, w: Record<string, tf.Tensor>, x: tf.Tensor3D): tf.Tensor2D {
  let h: tf.Tensor = x;
  for (const layer of spec.layers) {
    const p = (name: string) => w[`${layer.name}/${name}`]!;
    switch (layer.kind) {
      case 'conv1d':
        h = tf.conv1d(h as tf.Tensor3D, p('kernel') as tf.Tensor3D, layer.stride, layer.padding);
        if (layer.useBias) h = tf.add(h, p('bias'));
        break;
      case 'batchNorm': {
        const { mean, variance } = tf.moments(h, h.rank === 3 ? [0, 1] : [0]);
        h = tf.batchNorm(h, mean, variance, p('beta') as tf.Tensor1D, p('gamma') as tf.Tensor1D, layer.epsilon);
        break;
      }
      case 'relu':
        h = tf.relu(h);
        break;
      case 'maxPool1d':
      case 'avgPool1d': {
        const [b, l, c] = h.shape as [number, number, number];
        const pool = layer.kind === 'maxPool1d' ? tf.maxPool : tf.avgPool;
        const y = pool(tf.reshape(h, [b, 1, l, c]) as tf.Tensor4D, [1, layer.poolSize], [1, layer.stride], 'valid');
        h = tf.reshape(y, [b, y.shape[2], c]);
        break;
      }
      case 'globalAvgPool1d':
        h = tf.mean(h, 1);
        break;
      case 'flatten':
        h = tf.reshape(h, [h.shape[0]!, -1]);
        break;
      case 'dropout':
        break;
      case 'dense':
        h = tf.matMul(h as tf.Tensor2D, p('kernel') as tf.Tensor2D);
        if (layer.useBias) h = tf.add(h, p('bias'));
        break;
    }
  }
  return h as tf.Tensor2D;
}

function data(seed: number): { xs: Float32Array; ys: Float32Array } {
  const rng = createRng(seed);
  const xs = Float32Array.from({ length: batch * io.inputLength }, () => rng.normal());
  const ys = new Float32Array(batch * io.classes);
  for (let i = 0; i < batch; i++) ys[i * io.classes + rng.int(io.classes)] = 1;
  return { xs, ys };
}

function trainableKeys(weights: NetWeights): string[] {
  return [...weights.keys()].filter((k) => !k.endsWith('/movingMean') && !k.endsWith('/movingVariance'));
}

/** Gradients of the cross-entropy by tfjs built-ins on cpu, keyed like the weights. */
async function referenceGrads(spec: NetSpec, weights: NetWeights, xs: Float32Array, ys: Float32Array): Promise<Map<string, Float32Array>> {
  await tf.setBackend('cpu');
  const keys = trainableKeys(weights);
  const out = new Map<string, Float32Array>();
  tf.tidy(() => {
    const vars = keys.map((k) => tf.variable(tf.tensor(weights.get(k)!.data, [...weights.get(k)!.shape])));
    const named = Object.fromEntries(keys.map((k, i) => [k, vars[i]!]));
    const x = tf.tensor3d(xs, [batch, io.inputLength, io.channels]);
    const y = tf.tensor2d(ys, [batch, io.classes]);
    const { grads } = tf.variableGrads(() => tf.losses.softmaxCrossEntropy(y, referenceLogits(spec, named, x)) as tf.Scalar, vars);
    keys.forEach((k, i) => out.set(k, Float32Array.from(grads[vars[i]!.name]!.dataSync())));
    for (const v of vars) v.dispose();
  });
  return out;
}

async function painkdGrads(backend: OpBackend, spec: NetSpec, weights: NetWeights, xs: Float32Array, ys: Float32Array): Promise<Map<string, Float32Array>> {
  await initBackend(backend);
  const net = createNet(spec, { seed: 1 });
  net.setWeights(weights);
  const keys = trainableKeys(weights);
  const grads = await readAll(
    tf.tidy(() => {
      const x = tf.tensor3d(xs, [batch, io.inputLength, io.channels]);
      const y = tf.tensor2d(ys, [batch, io.classes]);
      const { grads: byName } = tf.variableGrads(() => tf.losses.softmaxCrossEntropy(y, net.apply(x, true).logits) as tf.Scalar, net.trainableVariables);
      return net.trainableVariables.map((v) => byName[v.name]!);
    }),
  );
  net.dispose();
  return new Map(keys.map((k, i) => [k, grads[i]!]));
}

/**
 * max |a − b| / max |b| over one tensor, the scale floored at 1% of the net’s largest gradient
 * (`floor`): a gradient that is zero in exact arithmetic (a bias before batch-norm) is float32
 * round-off on both sides and can only be compared absolutely.
 */
// Every layer kind and the paths the built-in nets do not take: average pooling, overlapping max
// pooling, batch-norm on a dense layer, a dense layer without ReLU.
registerArch('test-all-layers', (config, { classes }) => ({
  config,
  layers: [
    { kind: 'conv1d', name: 'c1', filters: 6, kernelSize: 5, stride: 1, padding: 'valid', useBias: true },
    { kind: 'relu', name: 'r1' },
    { kind: 'avgPool1d', name: 'p1', poolSize: 3, stride: 2 },
    { kind: 'conv1d', name: 'c2', filters: 8, kernelSize: 3, stride: 2, padding: 'same', useBias: false },
    { kind: 'batchNorm', name: 'b2', epsilon: 1e-3, momentum: 0.9 },
    { kind: 'relu', name: 'r2' },
    { kind: 'maxPool1d', name: 'p2', poolSize: 3, stride: 2 },
    { kind: 'flatten', name: 'f' },
    { kind: 'dense', name: 'd1', units: 12, useBias: true },
    { kind: 'batchNorm', name: 'b3', epsilon: 1e-3, momentum: 0.9 },
    { kind: 'relu', name: 'r3' },
    { kind: 'dense', name: 'd2', units: 7, useBias: false },
    { kind: 'dense', name: 'logits', units: classes, useBias: true },
  ],
}));

const nets: [string, Record<string, unknown>][] = [
  ['teacher-cnn', { dropout: 0 }],
  ['student-tiny', { dropout: 0 }],
  ['seed-conv1d', { hiddenUnits: 32 }],
  ['test-all-layers', {}],
];

describe('whole-net gradients equal tfjs built-in gradients on cpu', () => {
  beforeAll(async () => {
    await initBackend('wasm');
  });
  afterAll(async () => {
    await initBackend('wasm');
  });

  it.each(nets)('%s: every trainable gradient within 1e-4 relative (measured ≤ 1e-5), on wasm, cpu and webgpu', async (arch, config) => {
    const spec = buildNetSpec(arch, config, io);
    await initBackend('cpu');
    const init = createNet(spec, { seed: 11 });
    const weights = init.getWeights();
    init.dispose();
    const { xs, ys } = data(3);
    const ref = await referenceGrads(spec, weights, xs, ys);
    const floor = 1e-2 * Math.max(...[...ref.values()].map((g) => g.reduce((m, v) => Math.max(m, Math.abs(v)), 0)));
    for (const backend of OP_BACKENDS) {
      const got = await painkdGrads(backend, spec, weights, xs, ys);
      expect([...got.keys()]).toEqual([...ref.keys()]);
      for (const [key, want] of ref) {
        const error = relError(got.get(key)!, want, floor);
        expect(error, `${backend} ${key}`).toBeLessThan(1e-4);
      }
    }
  });
});
