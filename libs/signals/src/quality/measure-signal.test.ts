/** @module Tests of the window measurements against hand-computed values. */
import { describe, expect, it } from 'vitest';
import { errorAt } from '../testing/error-at.js';
import { measureSignal } from './measure-signal.js';

const range = { min: 0.05, max: 60 };

describe('measureSignal', () => {
  it('counts missing, negative and out-of-range samples and finds the extremes', () => {
    const m = measureSignal([1, Number.NaN, -2, 70, Number.POSITIVE_INFINITY, 3], 1, range, 1);
    expect(m).toMatchObject({ samples: 6, missing: 2, min: -2, max: 70, negative: 1, outOfRange: 2 });
  });
  it('measures the fastest change over the lag, skipping missing samples', () => {
    // 4 Hz, lag 0.5 s = 2 samples: |5 - 1| / 0.5 = 8 µS/s is the largest present pair.
    const m = measureSignal([1, 1, 5, Number.NaN, 6, 6], 4, range, 0.5);
    expect(m.maxSlope).toBe(8);
    expect(measureSignal([2, 2.5, 3], 512, range, 0.25).maxSlope).toBe(0);
  });
  it('finds the longest run at the max or the min', () => {
    expect(measureSignal([1, 3, 3, 3, 2, 1, 1], 1, range, 1).longestPlateau).toBe(3);
    expect(measureSignal([5, 1, 1, 1, 1, 2], 1, range, 1).longestPlateau).toBe(4);
  });
  it('reports an all-missing window without extremes', () => {
    expect(measureSignal([Number.NaN, Number.NaN], 4, range, 0.25)).toMatchObject({ missing: 2, min: Number.NaN, maxSlope: 0, longestPlateau: 0 });
  });
  it('rejects bad arguments by name', () => {
    expect(errorAt(() => measureSignal([1], 0, range, 0.25))).toBe('SIGNAL_INVALID_ARGUMENT@sampleRate');
    expect(errorAt(() => measureSignal([1], 4, { min: 2, max: 1 }, 0.25))).toBe('SIGNAL_INVALID_ARGUMENT@range');
    expect(errorAt(() => measureSignal('x' as unknown as number[], 4, range, 0.25))).toBe('SIGNAL_INVALID_ARGUMENT@x');
  });
});
