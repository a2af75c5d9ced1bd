import { describe, expect, it } from 'vitest';
import { SignalsError } from '../errors.js';
import { zScoreNormalize } from './z-score-normalize.js';

describe('zScoreNormalize', () => {
  it('gives mean 0 and population sd 1', () => {
    const x = Float32Array.from({ length: 64 }, (_, i) => 3 + Math.sin(i / 3) + i / 50);
    const y = zScoreNormalize(x);
    const mean = y.reduce((s, v) => s + v, 0) / y.length;
    const sd = Math.sqrt(y.reduce((s, v) => s + (v - mean) ** 2, 0) / y.length);
    expect(mean).toBeCloseTo(0, 12);
    expect(sd).toBeCloseTo(1, 12);
  });

  it('uses given (subject) stats', () => {
    expect(Array.from(zScoreNormalize([1, 3, 7], { mean: 3, sd: 2 }))).toEqual([-1, 0, 2]);
  });

  it('gives zeros, never NaN, for flat signals and zero sd', () => {
    expect(Array.from(zScoreNormalize(new Float64Array(4).fill(12.5)))).toEqual([0, 0, 0, 0]);
    expect(Array.from(zScoreNormalize([1, 2], { mean: 1, sd: 0 }))).toEqual([0, 0]);
    expect(Array.from(zScoreNormalize([0, 0]))).toEqual([0, 0]);
    expect(zScoreNormalize([]).length).toBe(0);
  });

  it('rejects a negative sd and non-finite samples', () => {
    try {
      zScoreNormalize([1], { mean: 0, sd: -1 });
      expect.unreachable();
    } catch (error) {
      expect((error as SignalsError).location.path).toBe('stats.sd');
    }
    expect(() => zScoreNormalize([NaN])).toThrow(SignalsError);
  });
});
