import { describe, expect, it } from 'vitest';
import { checkOpenUnit, pairedDifferences, toSample } from './sample.js';

const invalid = expect.objectContaining({ code: 'STATS_INVALID_ARGUMENT' });

describe('toSample', () => {
  it('copies finite values into a Float64Array', () => {
    const source = [0.5, -0.25];
    const out = toSample(source, 'd');
    expect(Array.from(out)).toEqual(source);
    out[0] = 9;
    expect(source[0]).toBe(0.5);
  });

  it('rejects an empty sample and names the first non-finite value', () => {
    expect(() => toSample([], 'differences')).toThrow(invalid);
    expect(() => toSample([0.1, Number.NaN], 'differences')).toThrow(/differences\[1\] is NaN/);
    expect(() => toSample(Float64Array.of(Infinity), 'a')).toThrow(expect.objectContaining({ details: { index: 0 } }));
  });
});

describe('pairedDifferences', () => {
  it('subtracts pair by pair', () => {
    expect(Array.from(pairedDifferences([3, 5], [1, 7]))).toEqual([2, -2]);
  });

  it('rejects samples of different lengths', () => {
    expect(() => pairedDifferences([1, 2, 3], [1, 2])).toThrow(/a has 3 values, b has 2/);
  });
});

describe('checkOpenUnit', () => {
  it('accepts (0, 1) only', () => {
    expect(() => checkOpenUnit(0.95, 'level')).not.toThrow();
    for (const bad of [0, 1, -0.1, Number.NaN]) expect(() => checkOpenUnit(bad, 'level')).toThrow(invalid);
  });
});
