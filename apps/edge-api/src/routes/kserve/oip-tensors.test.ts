/** @module Infer responses: requested outputs in order, as JSON or as binary in the protocol's encodings. */
import { describe, expect, it } from 'vitest';
import type { ModelInfo } from '../../model/predictor.js';
import { inferResponse } from './oip-tensors.js';

const info = { name: 'm', version: '1', labels: ['a', 'b'] } as unknown as ModelInfo;
const rows = [
  { prediction: { level: 1, label: 'b', probabilities: [0.25, 0.75] }, quality: { ok: true, flags: [] } },
  { prediction: { level: 0, label: 'a', probabilities: [0.5, 0.5] }, quality: { ok: false, flags: ['FLAT' as const, 'JUMP' as const] } },
];

describe('inferResponse', () => {
  it('answers the requested outputs as JSON data', () => {
    const { json, binary } = inferResponse(info, rows, [{ name: 'quality_flags', binary: false }, { name: 'level', binary: false }], 'r');
    expect(binary).toEqual([]);
    expect(json).toEqual({
      model_name: 'm',
      model_version: '1',
      id: 'r',
      outputs: [
        { name: 'quality_flags', datatype: 'BYTES', shape: [2], data: ['', 'FLAT,JUMP'] },
        { name: 'level', datatype: 'INT64', shape: [2], data: [1, 0] },
      ],
    });
  });
  it('encodes FP32, INT64, BOOL and length-prefixed BYTES little-endian', () => {
    const { json, binary } = inferResponse(info, rows, ['probabilities', 'level', 'quality_ok', 'quality_flags'].map((name) => ({ name: name as 'level', binary: true })), undefined);
    expect((json['outputs'] as { parameters: { binary_data_size: number } }[]).map((o) => o.parameters.binary_data_size)).toEqual([16, 16, 2, 17]);
    const [fp32, int64, bool, bytes] = binary.map((b) => Buffer.from(b));
    expect(Array.from(new Float32Array(new Uint8Array(fp32 as Buffer).buffer))).toEqual([0.25, 0.75, 0.5, 0.5]);
    expect([int64?.readBigInt64LE(0), int64?.readBigInt64LE(8)]).toEqual([1n, 0n]);
    expect(Array.from(bool as Buffer)).toEqual([1, 0]);
    expect([bytes?.readUInt32LE(0), bytes?.readUInt32LE(4), bytes?.subarray(8).toString('utf8')]).toEqual([0, 9, 'FLAT,JUMP']);
  });
});
