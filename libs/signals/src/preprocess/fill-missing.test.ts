import { describe, expect, it } from 'vitest';
import { fillMissing } from './fill-missing.js';
import { caught } from '../testing/error-at.js';

describe('fillMissing', () => {
  it('interpolates interior gaps linearly and keeps the length', () => {
    const y = fillMissing(new Float32Array([1, NaN, NaN, 4, 5, Infinity, 9]), { maxMissingFraction: 0.5 });
    expect(Array.from(y)).toEqual([1, 2, 3, 4, 5, 7, 9]);
  });

  it('uses the nearest valid value at both edges', () => {
    const y = fillMissing([NaN, -Infinity, 2, 3, NaN], { maxMissingFraction: 0.7 });
    expect(Array.from(y)).toEqual([2, 2, 2, 3, 3]);
  });

  it('returns an equal copy, not the input, when nothing is missing', () => {
    const x = new Float64Array([1, 2, 3]);
    const y = fillMissing(x);
    expect(y).not.toBe(x);
    expect(Array.from(y)).toEqual([1, 2, 3]);
  });

  it('accepts exactly the tolerated fraction and rejects more, with the counts', () => {
    const x = [1, NaN, 3, 4, 5];
    expect(Array.from(fillMissing(x, { maxMissingFraction: 0.2 }))).toEqual([1, 2, 3, 4, 5]);
    const error = caught(() => fillMissing([1, NaN, NaN, 4, 5], { maxMissingFraction: 0.2 }));
    expect(error.code).toBe('SIGNAL_TOO_MUCH_MISSING');
    expect(error.details).toMatchObject({ missing: 2, total: 5, fraction: 0.4, maxMissingFraction: 0.2 });
  });

  it('rejects an all-missing signal even when the fraction allows it', () => {
    const error = caught(() => fillMissing([NaN, NaN], { maxMissingFraction: 1 }));
    expect(error.code).toBe('SIGNAL_TOO_MUCH_MISSING');
    expect(error.details).toMatchObject({ missing: 2, total: 2 });
  });

  it('applies the default fraction (0.2) when no options are given', () => {
    expect(caught(() => fillMissing([NaN, 1, 2, 3])).code).toBe('SIGNAL_TOO_MUCH_MISSING');
    expect(fillMissing([NaN, 1, 2, 3, 4]).length).toBe(5);
  });

  it('handles the empty signal and rejects bad options', () => {
    expect(fillMissing([]).length).toBe(0);
    const error = caught(() => fillMissing([1], { maxMissingFraction: 1.5 }));
    expect(error.code).toBe('SIGNAL_INVALID_ARGUMENT');
    expect(error.location.path).toBe('maxMissingFraction');
  });

  it('names the signal in the error location when given a path (no location otherwise)', () => {
    const holes = Float64Array.of(1, Number.NaN, Number.NaN, 4);
    expect(caught(() => fillMissing(holes, { path: 'recording.channels.ecg' })).location).toEqual({ path: 'recording.channels.ecg' });
    expect(caught(() => fillMissing(holes)).location).toEqual({});
  });
});
