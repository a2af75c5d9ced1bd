import { ByteBuffer } from 'flatbuffers';
import { describe, expect, it } from 'vitest';
import { exportTflite } from './export-tflite.js';
import { randomWeights, testSpec } from '../onnx/test-support/random-net.js';
import { readTflite } from './tflite-reader.js';
import { BuiltinOperator, SLOT } from './tflite-schema.js';
import { writeTflite } from './tflite-writer.js';
import type { TfliteGraph } from './tflite-graph.js';

const spec = testSpec([
  { kind: 'conv1d', name: 'c1', filters: 6, kernelSize: 5, stride: 2, padding: 'same', useBias: true },
  { kind: 'relu', name: 'r1' },
  { kind: 'maxPool1d', name: 'p1', poolSize: 2, stride: 2 },
  { kind: 'globalAvgPool1d', name: 'gap' },
  { kind: 'dense', name: 'out', units: 5, useBias: true },
]);
const bytes = exportTflite(spec, randomWeights(spec, 3));

/** Absolute file offset of every buffer's data, read with the flatbuffers library itself. */
function bufferDataOffsets(b: Uint8Array): number[] {
  const bb = new ByteBuffer(b);
  const model = bb.readInt32(0);
  const field = (table: number, slot: number): number => bb.__offset(table, 4 + 2 * slot);
  const buffers = model + field(model, SLOT.model.buffers);
  const vec = bb.__vector(buffers);
  return Array.from({ length: bb.__vector_len(buffers) }, (_, i) => {
    const table = bb.__indirect(vec + 4 * i);
    const data = field(table, SLOT.buffer.data);
    return data === 0 ? -1 : bb.__vector(table + data);
  });
}

describe('writeTflite', () => {
  it('writes TFL3 at schema version 3, buffer 0 as the empty sentinel and every activation on it', () => {
    expect(String.fromCharCode(...bytes.subarray(4, 8))).toBe('TFL3');
    const graph = readTflite(bytes);
    const constants = graph.tensors.filter((t) => t.data !== undefined);
    const activations = graph.tensors.filter((t) => t.data === undefined);
    expect(activations.map((t) => t.name)).toEqual(['input', 'input_nhwc', 'r1_out', 'p1_out', 'gap_out', 'logits']);
    expect(constants.length).toBe(6);
    const offsets = bufferDataOffsets(bytes);
    expect(offsets[0]).toBe(-1);
    expect(offsets.length).toBe(constants.length + 1);
  });

  it('aligns every weight buffer to 16 bytes from the start of the file', () => {
    for (const offset of bufferDataOffsets(bytes).slice(1)) expect(offset % 16).toBe(0);
  });

  it('gives each operator code both deprecated_builtin_code and builtin_code', () => {
    const bb = new ByteBuffer(bytes);
    const model = bb.readInt32(0);
    const codes = model + bb.__offset(model, 4 + 2 * SLOT.model.operatorCodes);
    const vec = bb.__vector(codes);
    const seen = Array.from({ length: bb.__vector_len(codes) }, (_, i) => {
      const t = bb.__indirect(vec + 4 * i);
      const dep = bb.__offset(t, 4 + 2 * SLOT.operatorCode.deprecatedBuiltinCode);
      const code = bb.__offset(t, 4 + 2 * SLOT.operatorCode.builtinCode);
      expect(dep).not.toBe(0);
      expect(code).not.toBe(0);
      expect(bb.readInt8(t + dep)).toBe(bb.readInt32(t + code));
      return bb.readInt32(t + code);
    });
    expect(seen.sort((a, b) => a - b)).toEqual([BuiltinOperator.CONV_2D, BuiltinOperator.FULLY_CONNECTED, BuiltinOperator.MAX_POOL_2D, BuiltinOperator.RESHAPE, BuiltinOperator.MEAN].sort((a, b) => a - b));
  });

  it('round-trips through readTflite: the same graph comes back and writes to the same bytes', () => {
    const graph: TfliteGraph = readTflite(bytes);
    expect(writeTflite(graph)).toEqual(bytes);
    expect(JSON.parse(graph.description)).toMatchObject({ producer: 'painkd', arch: 'test-net', precision: 'fp32', input: { length: 64, channels: 1, layout: 'NLC' } });
  });
});
