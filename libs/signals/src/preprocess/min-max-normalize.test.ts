import { describe, expect, it } from 'vitest';
import { SignalsError } from '../errors.js';
import { minMaxNormalize } from './min-max-normalize.js';

describe('minMaxNormalize', () => {
  it('maps the window to [0, 1]', () => {
    expect(Array.from(minMaxNormalize(new Float32Array([2, 4, 6, 3])))).toEqual([0, 0.5, 1, 0.25]);
  });

  it('uses given (subject) bounds, allowing values outside [0, 1]', () => {
    expect(Array.from(minMaxNormalize([0, 5, 15], { min: 5, max: 10 }))).toEqual([-1, 0, 2]);
  });

  it('gives zeros, never NaN, for flat signals and flat stats', () => {
    expect(Array.from(minMaxNormalize([7, 7, 7]))).toEqual([0, 0, 0]);
    expect(Array.from(minMaxNormalize([1, 2], { min: 3, max: 3 }))).toEqual([0, 0]);
    // Rounding-level wiggle on a large level is flat too.
    expect(Array.from(minMaxNormalize([10, 10 + 1e-14, 10]))).toEqual([0, 0, 0]);
    expect(minMaxNormalize([]).length).toBe(0);
  });

  it('rejects non-finite samples and inverted stats', () => {
    expect(() => minMaxNormalize([1, Infinity])).toThrow(SignalsError);
    try {
      minMaxNormalize([1], { min: 2, max: 1 });
      expect.unreachable();
    } catch (error) {
      expect((error as SignalsError).location.path).toBe('stats.max');
    }
  });
});
