import { describe, expect, it } from 'vitest';
import { SignalsError } from '../errors.js';
import { computeSignalStats, isFlat } from './signal-stats.js';

describe('computeSignalStats', () => {
  it('pools all samples of all windows exactly like one concatenated signal', () => {
    const a = Float32Array.from({ length: 37 }, (_, i) => 5 + Math.sin(i));
    const b = Float64Array.from({ length: 11 }, (_, i) => 9 - i * 0.3);
    const all = [...a, ...b];
    const mean = all.reduce((s, v) => s + v, 0) / all.length;
    const sd = Math.sqrt(all.reduce((s, v) => s + (v - mean) ** 2, 0) / all.length);
    const stats = computeSignalStats([a, new Float32Array(0), b]);
    expect(stats.count).toBe(48);
    expect(stats.mean).toBeCloseTo(mean, 12);
    expect(stats.sd).toBeCloseTo(sd, 12);
    expect(stats.min).toBe(Math.min(...all));
    expect(stats.max).toBe(Math.max(...all));
  });

  it('reads any iterable once (a generator)', () => {
    function* windows() {
      yield [1, 2];
      yield [3, 4];
    }
    expect(computeSignalStats(windows())).toEqual({ mean: 2.5, sd: Math.sqrt(1.25), min: 1, max: 4, count: 4 });
  });

  it('gives sd 0 for a flat signal', () => {
    expect(computeSignalStats([[3, 3, 3]]).sd).toBe(0);
  });

  it('names the window holding a non-finite sample, and rejects no samples', () => {
    try {
      computeSignalStats([[1], [2, NaN]]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SignalsError);
      expect((error as SignalsError).location.path).toBe('windows[1]');
    }
    expect(() => computeSignalStats([])).toThrow(/no samples/);
  });
});

describe('isFlat', () => {
  it('treats zero and rounding-level spread as flat, real spread as not', () => {
    expect(isFlat(0, 0)).toBe(true);
    expect(isFlat(1e-15, 10)).toBe(true);
    expect(isFlat(1e-6, 10)).toBe(false);
    expect(isFlat(1e-30, 0)).toBe(false);
  });
});
