import { createInferenceSession, type PainkdInferenceSession } from '@painkd/runtime';
import { beforeAll, describe, expect, it } from 'vitest';
import type { NetSpec, NetWeights } from '../nets/net-spec.js';
import { initBackend } from '../backends/index.js';
import { exportOnnx } from './export-onnx.js';
import { OnnxError } from './onnx-error.js';
import { decodeModel, toNumber } from './onnx-proto.js';
import { randomWeights, testSpec, testWindows } from './test-support/random-net.js';
import { studentLikeSpec, teacherLikeSpec } from './test-support/test-nets.js';
import { referenceForward } from './test-support/reference-forward.js';
import { bn, conv, dense, relu } from './test-support/layer-specs.js';


/** One small net per layer kind / variant; each must match the tfjs reference. */
const layerCases: Record<string, NetSpec> = {
  'conv same + relu + global average pool + dense': testSpec([conv('c1', 6, 5), relu('r1'), { kind: 'globalAvgPool1d', name: 'gap' }, dense('out', 5)]),
  'conv valid stride 2 without bias + folded batch norm + max pool + flatten': testSpec([
    conv('c1', 4, 4, 2, 'valid', false), bn('bn1'), relu('r1'), { kind: 'maxPool1d', name: 'mp', poolSize: 3, stride: 2 }, { kind: 'flatten', name: 'fl' }, dense('out', 5),
  ]),
  'avg pool + standalone batch norm + dense with folded batch norm + dropout': testSpec([
    conv('c1', 5, 3), relu('r1'), { kind: 'avgPool1d', name: 'ap', poolSize: 2, stride: 2 }, bn('bn_alone'), { kind: 'flatten', name: 'fl' },
    dense('d1', 12), bn('bn_d1'), relu('r2'), { kind: 'dropout', name: 'drop', rate: 0.5 }, dense('out', 3),
  ], { length: 64, channels: 1 }, 3),
  'three input channels, even kernel, stride 3 same padding': testSpec([
    conv('c1', 8, 4, 3), bn('bn1'), relu('r1'), conv('c2', 8, 3, 1, 'valid'), relu('r2'), { kind: 'globalAvgPool1d', name: 'gap' }, dense('out', 5, false),
  ], { length: 50, channels: 3 }),
};

function maxAbsDiff(a: Float32Array, b: Float32Array): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

async function parity(spec: NetSpec, weights: NetWeights, sessions: PainkdInferenceSession[], batch: number, seed: number): Promise<void> {
  const x = testWindows(batch, spec.input.length, spec.input.channels, seed);
  const ref = referenceForward(spec, weights, x, batch);
  for (const session of sessions) {
    const out = await session.run(x, batch);
    expect(out.logits.length).toBe(batch * spec.classes);
    expect(maxAbsDiff(out.logits, ref.logits), `${session.runtime} logits, batch ${batch}`).toBeLessThan(1e-4);
    expect(maxAbsDiff(out['hidden']!, ref.hidden), `${session.runtime} hidden, batch ${batch}`).toBeLessThan(1e-4);
  }
}

beforeAll(async () => {
  await initBackend('wasm');
});

describe('exportOnnx', () => {
  for (const [name, spec] of Object.entries(layerCases)) {
    it(`matches tfjs on node and web at batch 1, 7, 64: ${name}`, async () => {
      const weights = randomWeights(spec, 11);
      const bytes = exportOnnx(spec, weights, { outputs: ['logits', 'hidden'] });
      const sessions = [await createInferenceSession(bytes, { runtime: 'node' }), await createInferenceSession(bytes, { runtime: 'web' })];
      for (const batch of [1, 7, 64]) await parity(spec, weights, sessions, batch, batch);
      await Promise.all(sessions.map((s) => s.dispose()));
    });
  }

  for (const [name, spec] of [['student-shaped', studentLikeSpec()], ['teacher-shaped', teacherLikeSpec()]] as const) {
    it(`matches tfjs to 1e-4 on 1,000 windows (random and GSR-like) on node and web: ${name} net`, async () => {
      const weights = randomWeights(spec, 5);
      const bytes = exportOnnx(spec, weights, { outputs: ['logits', 'hidden'] });
      const sessions = [await createInferenceSession(bytes, { runtime: 'node' }), await createInferenceSession(bytes, { runtime: 'web' })];
      for (let chunk = 0; chunk < 4; chunk++) await parity(spec, weights, sessions, 250, 1000 + chunk);
      await Promise.all(sessions.map((s) => s.dispose()));
    });
  }

  it('declares a dynamic batch, opset, painkd metadata and folds batch norms into conv and dense', () => {
    const spec = layerCases['avg pool + standalone batch norm + dense with folded batch norm + dropout']!;
    const model = decodeModel(exportOnnx(spec, randomWeights(spec, 3), { opset: 13 }));
    expect(toNumber(model.opsetImport?.[0]?.version)).toBe(13);
    const dims = model.graph?.input?.[0]?.type?.tensorType?.shape?.dim ?? [];
    expect(dims.map((d) => d.dimParam || toNumber(d.dimValue))).toEqual(['batch', 64, 1]);
    const ops = (model.graph?.node ?? []).map((n) => n.opType);
    expect(ops.filter((o) => o === 'BatchNormalization')).toHaveLength(1);
    expect(ops).not.toContain('Dropout');
    const meta = Object.fromEntries((model.metadataProps ?? []).map((p) => [p.key, p.value]));
    expect(meta['painkd.arch']).toBe('test-net');
    expect(JSON.parse(meta['painkd.input']!)).toEqual({ length: 64, channels: 1, layout: 'NLC' });
    expect(model.graph?.output?.map((o) => o.name)).toEqual(['logits']);
  });

  it('adds a softmax probabilities output that sums to one', async () => {
    const spec = layerCases['conv same + relu + global average pool + dense']!;
    const session = await createInferenceSession(exportOnnx(spec, randomWeights(spec, 5), { outputs: ['logits', 'probabilities'] }), { runtime: 'node' });
    const { probabilities } = await session.run(testWindows(3, 64, 1, 9), 3);
    for (let b = 0; b < 3; b++) expect(probabilities!.subarray(b * 5, b * 5 + 5).reduce((s, v) => s + v, 0)).toBeCloseTo(1, 5);
    await session.dispose();
  });

  it('rejects bad options, missing weights and misplaced dense layers with coded errors', () => {
    const spec = layerCases['conv same + relu + global average pool + dense']!;
    const weights = randomWeights(spec, 1);
    expect(() => exportOnnx(spec, weights, { opset: 12 })).toThrow(expect.objectContaining({ code: 'ONNX_BAD_OPTIONS' }));
    const missing = new Map(weights);
    missing.delete('c1/kernel');
    expect(() => exportOnnx(spec, missing)).toThrow(expect.objectContaining({ code: 'ONNX_MISSING_WEIGHT' }));
    const bad = testSpec([conv('c1', 4, 3), dense('out', 5)]);
    expect(() => exportOnnx(bad, randomWeights(bad, 1))).toThrow(OnnxError);
  });
});
