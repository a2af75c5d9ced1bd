import { describe, expect, it } from 'vitest';
import { errorAt } from '../testing/error-at.js';
import { featureFixtures } from '../testing/feature-fixtures.js';
import { relativeError } from '../testing/fixtures.js';
import { movingMean } from './moving-mean.js';

describe('movingMean', () => {
  it.each(featureFixtures().movingMean.map((c) => [c.name, c] as const))('equals scipy uniform_filter1d(mode="nearest"): %s', (_, c) => {
    expect(relativeError(movingMean(c.x, c.size), c.y)).toBeLessThan(1e-12);
  });

  it('averages a centred window, repeating the edge samples', () => {
    expect(Array.from(movingMean(Float64Array.of(0, 0, 3, 0, 0), 3))).toEqual([0, 1, 1, 1, 0]);
    expect(Array.from(movingMean(Float64Array.of(3, 0, 0), 3))).toEqual([2, 1, 0]);
  });

  it('refuses an even or non-positive size and an empty or non-finite signal', () => {
    expect(errorAt(() => movingMean(new Float64Array(5), 2))).toBe('SIGNAL_INVALID_ARGUMENT@size');
    expect(errorAt(() => movingMean(new Float64Array(5), 0))).toBe('SIGNAL_INVALID_ARGUMENT@size');
    expect(errorAt(() => movingMean(new Float64Array(0), 3))).toBe('SIGNAL_INVALID_ARGUMENT@x');
    expect(errorAt(() => movingMean(Float64Array.of(1, Number.NaN), 1))).toBe('SIGNAL_INVALID_ARGUMENT@x');
  });
});
