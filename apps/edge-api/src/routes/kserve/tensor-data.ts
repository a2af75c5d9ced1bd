/**
 * @module Open Inference Protocol tensor data as a flat `Float32Array`: JSON `data` flat or nested
 * (row-major, each level as long as its dimension), or raw little-endian bytes of the binary
 * tensor extension. Errors name the offending path.
 */
import { ApiError } from '../../errors/api-error.js';
import { parseSampleArray } from '../../validation/parse-window.js';

/**
 * Flattens `data` of `shape` into FP32 values: a flat array of `prod(shape)` numbers, or arrays
 * nested to the shape's depth.
 *
 * @example
 * jsonTensorData([[1, 2], [3, 4]], [2, 2], 'inputs[0].data'); // Float32Array [1, 2, 3, 4]
 */
export function jsonTensorData(data: unknown, shape: readonly number[], path: string): Float32Array {
  const total = shape.reduce((a, b) => a * b, 1);
  if (!Array.isArray(data)) throw new ApiError('BAD_REQUEST', `${path} must be an array`, { path });
  const flat = data.length > 0 && Array.isArray(data[0]) ? flatten(data, shape, 0, path) : data;
  if (flat.length !== total) {
    throw new ApiError('BAD_REQUEST', `${path} has ${flat.length} values; shape [${shape.join(', ')}] says ${total}`, { path });
  }
  return parseSampleArray(flat, path, { max: total, tooLong: 'BAD_REQUEST', allowMissing: false });
}

function flatten(data: readonly unknown[], shape: readonly number[], depth: number, path: string): unknown[] {
  if (depth >= shape.length || data.length !== shape[depth]) {
    throw new ApiError('BAD_REQUEST', `${path} is nested ${depth + 1} deep with ${data.length} entries; shape [${shape.join(', ')}] wants ${shape[depth] ?? 'no further level'} there`, {
      path,
    });
  }
  if (depth === shape.length - 1) return [...data];
  return data.flatMap((row, i) => {
    if (!Array.isArray(row)) throw new ApiError('BAD_REQUEST', `${path}[${i}] must be an array (nested data follows the shape)`, { path: `${path}[${i}]` });
    return flatten(row, shape, depth + 1, `${path}[${i}]`);
  });
}

/**
 * Reads `prod(shape)` little-endian FP32 values from binary tensor bytes; NaN and infinities are
 * rejected (the protocol's tensors carry no missing-sample convention).
 *
 * @example
 * binaryTensorData(bytes, [1, 176], 'inputs[0]');
 */
export function binaryTensorData(bytes: Uint8Array, shape: readonly number[], path: string): Float32Array {
  const total = shape.reduce((a, b) => a * b, 1);
  if (bytes.byteLength !== total * 4) {
    throw new ApiError('BAD_REQUEST', `${path} has ${bytes.byteLength} bytes of binary data; FP32 shape [${shape.join(', ')}] needs ${total * 4}`, { path });
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Float32Array(total);
  for (let i = 0; i < total; i++) {
    const x = view.getFloat32(i * 4, true);
    if (!Number.isFinite(x)) throw new ApiError('INVALID_SAMPLES', `${path} value ${i} is ${x}`, { path: `${path}.data[${i}]` });
    out[i] = x;
  }
  return out;
}
