/** @module OIP tensor data: flat or nested JSON, binary FP32, each checked against the shape. */
import { describe, expect, it } from 'vitest';
import { caughtApiError } from '../../../tests/support/caught.js';
import { binaryTensorData, jsonTensorData } from './tensor-data.js';

const message = (f: () => unknown): string => caughtApiError(f).message;

describe('tensor data', () => {
  it('flattens nested data row-major and takes flat data as is', () => {
    expect(Array.from(jsonTensorData([[1, 2, 3], [4, 5, 6]], [2, 3], 'd'))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(Array.from(jsonTensorData([[[1], [2]], [[3], [4]]], [2, 2, 1], 'd'))).toEqual([1, 2, 3, 4]);
    expect(Array.from(jsonTensorData([1, 2, 3, 4], [2, 2], 'd'))).toEqual([1, 2, 3, 4]);
  });
  it('names what does not fit the shape', () => {
    expect(message(() => jsonTensorData([[1, 2], [3]], [2, 2], 'd'))).toContain('d[1] is nested 2 deep with 1 entries');
    expect(message(() => jsonTensorData([1, 2, 3], [2, 2], 'd'))).toBe('d has 3 values; shape [2, 2] says 4');
    expect(message(() => jsonTensorData([[1, 2], 3], [2, 2], 'd'))).toBe('d[1] must be an array (nested data follows the shape)');
    expect(message(() => jsonTensorData([1, null], [2], 'd'))).toContain('d[1] must be a number');
  });
  it('reads little-endian FP32 bytes of the right length only', () => {
    const bytes = new Uint8Array(Float32Array.from([1.5, -2]).buffer);
    expect(Array.from(binaryTensorData(bytes, [1, 2], 'i'))).toEqual([1.5, -2]);
    expect(message(() => binaryTensorData(bytes, [1, 3], 'i'))).toBe('i has 8 bytes of binary data; FP32 shape [1, 3] needs 12');
    expect(message(() => binaryTensorData(new Uint8Array(Float32Array.from([Number.NaN]).buffer), [1], 'i'))).toBe('i value 0 is NaN');
  });
});
