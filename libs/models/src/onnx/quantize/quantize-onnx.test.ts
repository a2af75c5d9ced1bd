import * as ort from 'onnxruntime-node';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportOnnx } from '../export-onnx.js';
import { decodeModel, encodeModel, tensorDims, tensorValues, DataType, type ModelProto, type TensorProto } from '../onnx-proto.js';
import { randomWeights, testWindows } from '../test-support/random-net.js';
import { initBackend } from '../../backends/index.js';
import { registeredNet } from '../test-support/registered-net.js';
import { studentLikeSpec } from '../test-support/test-nets.js';
import { compareModels, predictLogits } from './compare-models.js';
import { quantizeOnnx } from './quantize-onnx.js';

const spec = studentLikeSpec();
const weights = randomWeights(spec, 21);
const fp32 = exportOnnx(spec, weights, { outputs: ['logits', 'probabilities'] });
const split = (packed: Float32Array, n: number): Float32Array[] => Array.from({ length: n }, (_, i) => packed.subarray(i * 176, (i + 1) * 176));
const calibration = split(testWindows(256, 176, 1, 100), 256);
const evaluation = split(testWindows(1000, 176, 1, 200), 1000);
const fp32Range = (await predictLogits(fp32, evaluation, { runtime: 'node' })).reduce((m, v) => Math.max(m, Math.abs(v)), 0);
const minmax = await quantizeOnnx(fp32, calibration, { method: 'minmax' });
const percentile = await quantizeOnnx(fp32, calibration, { method: 'percentile', percentile: 99.99 });

const inits = (m: ModelProto): Map<string, TensorProto> => new Map((m.graph?.initializer ?? []).map((t) => [t.name ?? '', t]));

describe('quantizeOnnx', () => {
  it('quantises Conv weights per output channel (axis 0) and Gemm weights per column (axis 1), symmetric, zero point 0', () => {
    const f = inits(decodeModel(fp32));
    const q = decodeModel(minmax.model);
    const qi = inits(q);
    for (const name of ['c1/W', 'c2/W', 'c3/W', 'd1/W', 'logits/W']) {
      const dq = q.graph!.node!.find((n) => n.opType === 'DequantizeLinear' && n.output?.[0] === name)!;
      const axis = Number(dq.attribute?.find((a) => a.name === 'axis')?.i);
      const w = tensorValues(f.get(name)!);
      const dims = tensorDims(f.get(name)!);
      expect(axis).toBe(name.endsWith('/W') && name.startsWith('c') ? 0 : 1);
      const channels = dims[axis]!;
      const inner = dims.slice(axis + 1).reduce((a, b) => a * b, 1);
      const absMax = new Array<number>(channels).fill(0);
      w.forEach((v, i) => (absMax[Math.floor(i / inner) % channels] = Math.max(absMax[Math.floor(i / inner) % channels]!, Math.abs(v))));
      const scales = tensorValues(qi.get(`${name}__scale`)!);
      const zps = qi.get(`${name}__zp`)!;
      const values = tensorValues(qi.get(`${name}__q`)!);
      expect(zps.dataType).toBe(DataType.INT8);
      expect(qi.get(`${name}__q`)!.dataType).toBe(DataType.INT8);
      expect([...tensorValues(zps)]).toEqual(new Array(channels).fill(0));
      absMax.forEach((m, c) => expect(scales[c]).toBeCloseTo(m / 127, 9));
      w.forEach((v, i) => {
        const s = scales[Math.floor(i / inner) % channels]!;
        expect(values[i]).toBe(Math.round(v / s) || 0);
        expect(Math.abs(values[i]!)).toBeLessThanOrEqual(127);
      });
    }
  });

  it('stores biases as int32 with scale inputScale × weightScale and zero point 0', () => {
    const f = inits(decodeModel(fp32));
    const q = decodeModel(minmax.model);
    const qi = inits(q);
    for (const [layer, input] of [['d1', 'gap_out'], ['logits', 'd1_out']] as const) {
      const conv = q.graph!.node!.find((n) => n.name === layer)!;
      const activation = conv.input![0]!;
      expect(activation).toBe(input === 'd1_out' ? 'r4_out' : input);
      const inScale = tensorValues(qi.get(`${activation}__scale`)!)[0]!;
      const wScale = tensorValues(qi.get(`${layer}/W__scale`)!);
      const bScale = tensorValues(qi.get(`${layer}/B__scale`)!);
      const b = tensorValues(f.get(`${layer}/B`)!);
      const qb = tensorValues(qi.get(`${layer}/B__q`)!);
      expect(qi.get(`${layer}/B__q`)!.dataType).toBe(DataType.INT32);
      expect(qi.get(`${layer}/B__zp`)!.dataType).toBe(DataType.INT32);
      bScale.forEach((s, c) => {
        expect(s).toBeCloseTo(Math.fround(inScale * wScale[c]!), 12);
        expect(qb[c]).toBe(Math.round(b[c]! / s));
      });
    }
  });

  it('derives activation parameters from the calibration range (input recomputed from the windows; ReLU outputs start at −128)', () => {
    let lo = Infinity;
    let hi = -Infinity;
    for (const w of calibration) for (const v of w) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
    const scale = Math.fround((Math.max(hi, 0) - Math.min(lo, 0)) / 255);
    const qi = inits(decodeModel(minmax.model));
    expect(tensorValues(qi.get('input__scale')!)[0]).toBeCloseTo(scale, 9);
    expect(tensorValues(qi.get('input__zp')!)[0]).toBe(Math.round(-128 - Math.min(lo, 0) / scale));
    for (const relu of ['r1_out', 'r2_out', 'r3_out', 'r4_out']) {
      expect(qi.get(`${relu}__zp`)!.dataType).toBe(DataType.INT8);
      expect(tensorValues(qi.get(`${relu}__zp`)!)[0]).toBe(-128);
      expect(minmax.summary.tensors[relu]!.min).toBe(0);
    }
    expect(minmax.summary.foldedRelus).toBe(4);
    expect(percentile.summary.tensors['r1_out']!.max).toBeLessThanOrEqual(minmax.summary.tensors['r1_out']!.max);
  });

  it('writes QDQ only: no ConvInteger/MatMulInteger, no float weights left, and ORT fuses it into QLinearConv/QGemm', async () => {
    const q = decodeModel(minmax.model);
    const ops = q.graph!.node!.map((n) => n.opType);
    expect(ops).not.toContain('ConvInteger');
    expect(ops).not.toContain('MatMulInteger');
    expect(ops).not.toContain('Relu');
    for (const t of q.graph!.initializer!) if (t.name!.endsWith('/W') || t.name!.endsWith('/B')) throw new Error(`float weight ${t.name} left`);
    const dir = await mkdtemp(join(tmpdir(), 'painkd-opt-'));
    try {
      const path = join(dir, 'optimized.onnx');
      const session = await ort.InferenceSession.create(minmax.model, { graphOptimizationLevel: 'all', optimizedModelFilePath: path });
      await session.release();
      const optimized = decodeModel(new Uint8Array(await readFile(path))).graph!.node!.map((n) => n.opType);
      expect(optimized.filter((o) => o === 'QLinearConv')).toHaveLength(3);
      expect(optimized.filter((o) => o === 'QGemm')).toHaveLength(2);
      expect(optimized).not.toContain('Conv');
      expect(optimized).not.toContain('Gemm');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  for (const runtime of ['node', 'web'] as const) {
    it(`int8 logits: mean |Δ| ≤ 1 %, max |Δ| ≤ 10 % of the fp32 logit range, argmax agreement ≥ 97 % on 1,000 windows (${runtime})`, async () => {
      for (const result of [minmax, percentile]) {
        const agreement = await compareModels(fp32, result.model, evaluation, { runtime });
        const fp32Logits = await compareModels(fp32, fp32, evaluation, { runtime });
        expect(fp32Logits.maxAbsLogitDiff).toBe(0);
        expect(agreement.argmaxAgreement).toBeGreaterThanOrEqual(0.97);
        expect(agreement.meanAbsLogitDiff).toBeLessThan(0.01 * fp32Range);
        expect(agreement.maxAbsLogitDiff).toBeLessThan(0.1 * fp32Range);
      }
    });
  }

  it('student-tiny: int8 file ≤ 32 KB, and its logits follow fp32 within the same tolerance on node and web', async () => {
    await initBackend('wasm');
    const student = registeredNet('student-tiny', 7);
    const bytes = exportOnnx(student.spec, student.weights, { outputs: ['logits', 'probabilities'] });
    const { model } = await quantizeOnnx(bytes, calibration, { method: 'minmax' });
    expect(model.length).toBeLessThanOrEqual(32 * 1024);
    const range = (await predictLogits(bytes, evaluation, { runtime: 'node' })).reduce((m, v) => Math.max(m, Math.abs(v)), 0);
    for (const runtime of ['node', 'web'] as const) {
      const agreement = await compareModels(bytes, model, evaluation, { runtime });
      expect(agreement.argmaxAgreement).toBeGreaterThanOrEqual(0.97);
      expect(agreement.meanAbsLogitDiff).toBeLessThan(0.01 * range);
      expect(agreement.maxAbsLogitDiff).toBeLessThan(0.1 * range);
    }
  });

  it('rejects empty calibration and unsupported ops with coded errors', async () => {
    await expect(quantizeOnnx(fp32, [])).rejects.toMatchObject({ code: 'QUANT_NO_CALIBRATION' });
    const m = decodeModel(fp32);
    m.graph!.node![1]!.opType = 'Sigmoid';
    await expect(quantizeOnnx(encodeModel(m), calibration)).rejects.toMatchObject({ code: 'QUANT_UNSUPPORTED_GRAPH' });
  });
});

