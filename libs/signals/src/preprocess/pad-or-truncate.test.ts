import { describe, expect, it } from 'vitest';
import { SignalsError } from '../errors.js';
import { padOrTruncate } from './pad-or-truncate.js';

describe('padOrTruncate', () => {
  it('pads the end with the last sample by default', () => {
    expect(Array.from(padOrTruncate(new Float32Array([1, 2, 3]), 5))).toEqual([1, 2, 3, 3, 3]);
  });

  it('pads the end with zeros in zeros mode', () => {
    expect(Array.from(padOrTruncate([1, 2, 3], 5, { mode: 'zeros' }))).toEqual([1, 2, 3, 0, 0]);
    expect(Array.from(padOrTruncate([], 2, { mode: 'zeros' }))).toEqual([0, 0]);
  });

  it('truncates from the end and copies at equal length', () => {
    expect(Array.from(padOrTruncate([1, 2, 3], 2))).toEqual([1, 2]);
    const x = new Float64Array([4, 5]);
    const y = padOrTruncate(x, 2);
    expect(y).not.toBe(x);
    expect(Array.from(y)).toEqual([4, 5]);
    expect(padOrTruncate([1], 0).length).toBe(0);
  });

  it('rejects bad arguments naming them', () => {
    const pathOf = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return (error as SignalsError).location.path;
      }
      return undefined;
    };
    expect(pathOf(() => padOrTruncate([1], -1))).toBe('length');
    expect(pathOf(() => padOrTruncate([1], 2.5))).toBe('length');
    expect(pathOf(() => padOrTruncate([], 2))).toBe('x');
    expect(pathOf(() => padOrTruncate([1], 2, { mode: 'reflect' as 'edge' }))).toBe('options.mode');
  });
});
