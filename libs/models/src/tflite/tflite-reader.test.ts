import { describe, expect, it } from 'vitest';
import { randomWeights } from '../onnx/test-support/random-net.js';
import { studentLikeSpec } from '../onnx/test-support/test-nets.js';
import { exportTflite } from './export-tflite.js';
import { TfliteError, type TfliteErrorCode } from './tflite-error.js';
import { readTflite } from './tflite-reader.js';
import { writeTflite } from './tflite-writer.js';

const spec = studentLikeSpec();
const bytes = exportTflite(spec, randomWeights(spec, 4));

function refusal(b: Uint8Array): TfliteError {
  try {
    readTflite(b);
  } catch (error) {
    if (error instanceof TfliteError) return error;
    throw new Error(`readTflite threw a ${String(error)} instead of a TfliteError`);
  }
  throw new Error('readTflite accepted the bytes');
}

const patched = (at: number, value: number, size: 1 | 4 = 4): Uint8Array => {
  const b = bytes.slice();
  const view = new DataView(b.buffer);
  if (size === 4) view.setUint32(at, value, true);
  else view.setUint8(at, value);
  return b;
};

describe('readTflite', () => {
  it('reads what the exporter wrote: shapes, types, operators in order', () => {
    const g = readTflite(bytes);
    expect(g.tensors[g.inputs[0]!]!.shape).toEqual([1, 176, 1]);
    expect(g.tensors[g.outputs[0]!]!.shape).toEqual([1, 5]);
    expect(g.operators.map((o) => o.op)).toEqual(['RESHAPE', 'CONV_2D', 'MAX_POOL_2D', 'CONV_2D', 'MAX_POOL_2D', 'CONV_2D', 'MEAN', 'FULLY_CONNECTED', 'FULLY_CONNECTED']);
  });

  it('refuses every truncation with TFLITE_TRUNCATED or TFLITE_NOT_A_MODEL, naming where', () => {
    const lengths = [0, 4, 7, 8, 16, 64, ...Array.from({ length: 24 }, (_, i) => Math.floor(((i + 1) * bytes.length) / 25)), bytes.length - 1];
    for (const n of lengths) {
      const e = refusal(bytes.subarray(0, n));
      const expected: TfliteErrorCode[] = n < 8 ? ['TFLITE_NOT_A_MODEL'] : ['TFLITE_TRUNCATED', 'TFLITE_CORRUPT'];
      expect(expected, `truncated to ${n} bytes: ${e.message}`).toContain(e.code);
      if (n >= 8) expect(e.message).toMatch(/\w+/);
    }
  });

  it('refuses a wrong file identifier, a root offset past the end, a broken vtable and out-of-range indices', () => {
    expect(refusal(patched(4, 0x334c4654 + 1)).code).toBe('TFLITE_NOT_A_MODEL');
    expect(refusal(patched(0, bytes.length + 100)).code).toBe('TFLITE_TRUNCATED');
    const root = new DataView(bytes.buffer, bytes.byteOffset).getUint32(0, true);
    const brokenVtable = patched(root, 0x7fff0000);
    expect(['TFLITE_CORRUPT', 'TFLITE_TRUNCATED']).toContain(refusal(brokenVtable).code);
    const oddVtable = bytes.slice();
    const view = new DataView(oddVtable.buffer);
    const vtable = root - view.getInt32(root, true);
    view.setUint16(vtable, 3, true);
    expect(refusal(oddVtable).code).toBe('TFLITE_CORRUPT');
  });

  it('refuses out-of-range tensor, buffer-size and operator references with TFLITE_CORRUPT naming where', () => {
    const g = readTflite(bytes);
    const outOfRange = refusal(writeTflite({ ...g, outputs: [g.tensors.length + 7] }));
    expect(outOfRange.code).toBe('TFLITE_CORRUPT');
    expect(outOfRange.message).toBe(`SubGraph.outputs[0]: tensor index ${g.tensors.length + 7} out of range [0, ${g.tensors.length})`);
    const weights = g.tensors.findIndex((t) => t.data !== undefined && t.shape.length === 4);
    const wrongSize = refusal(writeTflite({ ...g, tensors: g.tensors.map((t, i) => (i === weights ? { ...t, shape: [...t.shape.slice(0, 3), t.shape[3]! + 1] } : t)) }));
    expect(wrongSize.code).toBe('TFLITE_CORRUPT');
    expect(wrongSize.message).toContain(`tensors[${weights}]`);
    const badInput = refusal(writeTflite({ ...g, operators: g.operators.map((o, i) => (i === 2 ? { ...o, inputs: [-1] } : o)) }));
    expect(badInput.message).toBe(`operators[2].inputs[0]: tensor index -1 out of range [0, ${g.tensors.length})`);
  });
});
