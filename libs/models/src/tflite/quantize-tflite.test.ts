import { beforeAll, describe, expect, it } from 'vitest';
import { argmax, predictLogits } from '../onnx/quantize/compare-models.js';
import { createTfliteSession, TFLITE_RUNTIMES } from './runtimes/tflite-session.js';
import { interpretTflite } from './test-support/reference-interpreter.js';
import { studentFixture, type StudentFixture } from './test-support/tflite-fixtures.js';
import type { TfliteTensor } from './tflite-graph.js';
import { readTflite } from './tflite-reader.js';
import { TensorType } from './tflite-schema.js';

let f: StudentFixture;
let onnxInt8Logits: Float32Array;

beforeAll(async () => {
  f = await studentFixture();
  onnxInt8Logits = await predictLogits(f.chosen.model, f.windows, { runtime: 'node' });
});

const q = (t: TfliteTensor): { scale: number; zp: number } => ({ scale: t.quantization!.scale[0]!, zp: t.quantization!.zeroPoint[0]! });
const argmaxOf = (v: ArrayLike<number>): number => argmax(Float32Array.from(v), 0, v.length);

describe('full-integer int8 TFLite', () => {
  it('quantises weights per output channel (axis 0, zero point 0) and biases at inputScale × weightScale, one scale per channel', () => {
    const g = readTflite(f.tflite.int8Io);
    for (const op of g.operators.filter((o) => o.op === 'CONV_2D' || o.op === 'FULLY_CONNECTED')) {
      const [x, w, b] = op.inputs.map((i) => g.tensors[i]!) as [TfliteTensor, TfliteTensor, TfliteTensor];
      expect(w.type).toBe(TensorType.INT8);
      expect(b.type).toBe(TensorType.INT32);
      const channels = w.shape[0]!;
      expect(w.quantization!.quantizedDimension).toBe(0);
      expect(w.quantization!.scale).toHaveLength(channels);
      expect(w.quantization!.zeroPoint).toEqual(new Array(channels).fill(0));
      expect(b.quantization!.scale).toHaveLength(channels);
      const values = new Int8Array(w.data!.buffer, w.data!.byteOffset, w.data!.length);
      const inner = values.length / channels;
      for (let c = 0; c < channels; c++) {
        const row = values.subarray(c * inner, (c + 1) * inner);
        expect(Math.max(...row.map(Math.abs)), `${w.name} channel ${c} uses the full symmetric range`).toBe(127);
        expect(Math.abs(b.quantization!.scale[c]! / (q(x).scale * w.quantization!.scale[c]!) - 1)).toBeLessThan(1e-6);
      }
    }
  });

  it('max-pool and reshape outputs reuse their input quantisation; float I/O adds QUANTIZE and DEQUANTIZE at the ends', () => {
    const g = readTflite(f.tflite.floatIo);
    for (const op of g.operators.filter((o) => o.op === 'MAX_POOL_2D' || o.op === 'RESHAPE')) expect(q(g.tensors[op.outputs[0]!]!)).toEqual(q(g.tensors[op.inputs[0]!]!));
    expect(g.operators[0]!.op).toBe('QUANTIZE');
    expect(g.operators.at(-1)!.op).toBe('DEQUANTIZE');
    expect(g.tensors[g.inputs[0]!]!.type).toBe(TensorType.FLOAT32);
    const micro = readTflite(f.tflite.int8Io);
    expect(micro.operators.map((o) => o.op)).not.toContain('QUANTIZE');
    expect(micro.tensors[micro.inputs[0]!]!.type).toBe(TensorType.INT8);
    expect(micro.tensors[micro.outputs[0]!]!.type).toBe(TensorType.INT8);
    expect(f.tflite.floatIo.length).toBeLessThan(16 * 1024);
  });

  it('both runtimes stay within 2 output quantisation steps of the integer reference on 1,000 windows (float I/O)', async () => {
    const g = readTflite(f.tflite.floatIo);
    const step = q(g.tensors[g.operators.at(-1)!.inputs[0]!]!).scale;
    for (const runtime of TFLITE_RUNTIMES) {
      const session = await createTfliteSession(f.tflite.floatIo, runtime);
      let worst = 0;
      for (const w of f.windows) {
        const out = await session.run(w);
        const ref = interpretTflite(g, w);
        for (let c = 0; c < out.length; c++) worst = Math.max(worst, Math.abs(out[c]! - ref[c]!) / step);
      }
      await session.dispose();
      expect(worst, `${runtime}: worst |Δ| in output steps`).toBeLessThanOrEqual(2);
    }
  });

  it('the int8-I/O model gives the float-I/O model\'s integers in tfjs-tflite; LiteRT.js, which has no int8 tensors, refuses it with a coded error', async () => {
    const g = readTflite(f.tflite.int8Io);
    const input = q(g.tensors[g.inputs[0]!]!);
    const output = q(g.tensors[g.outputs[0]!]!);
    const micro = await createTfliteSession(f.tflite.int8Io, 'tfjs-tflite');
    const float = await createTfliteSession(f.tflite.floatIo, 'tfjs-tflite');
    expect(micro.inputType).toBe('int8');
    for (const w of f.windows.slice(0, 200)) {
      const xq = Int8Array.from(w, (v) => Math.max(-128, Math.min(127, Math.round(v / input.scale) + input.zp)));
      const yq = await micro.run(xq);
      expect([...yq]).toEqual([...interpretTflite(g, xq)]);
      const y = await float.run(w);
      expect([...y].map((v) => Math.round(v / output.scale) + output.zp)).toEqual([...yq]);
    }
    await Promise.all([micro.dispose(), float.dispose()]);
    await expect(createTfliteSession(f.tflite.int8Io, 'litert')).rejects.toMatchObject({ code: 'TFLITE_RUNTIME_FAILED', details: { runtime: 'litert' } });
  });

  it('agrees with the ONNX int8 student (same calibration): every logit within 3 output steps, argmax ≥ 99 % on the int8 output grid (≥ 97 % raw: int8 logits tie where fp32 ones do not)', async () => {
    const g = readTflite(f.tflite.floatIo);
    const out = q(g.tensors[g.operators.at(-1)!.inputs[0]!]!);
    const session = await createTfliteSession(f.tflite.floatIo, 'litert');
    let raw = 0;
    let onGrid = 0;
    let worst = 0;
    for (const [i, w] of f.windows.entries()) {
      const y = await session.run(w);
      const onnx = onnxInt8Logits.subarray(i * 5, i * 5 + 5);
      for (let c = 0; c < 5; c++) worst = Math.max(worst, Math.abs(y[c]! - onnx[c]!) / out.scale);
      raw += argmaxOf(y) === argmaxOf(onnx) ? 1 : 0;
      onGrid += argmaxOf(y) === argmaxOf(onnx.map((v) => Math.max(-128, Math.min(127, Math.round(v / out.scale) + out.zp)))) ? 1 : 0;
    }
    await session.dispose();
    expect(worst).toBeLessThanOrEqual(3);
    expect(onGrid / f.windows.length).toBeGreaterThanOrEqual(0.99);
    expect(raw / f.windows.length).toBeGreaterThanOrEqual(0.97);
  });
});
