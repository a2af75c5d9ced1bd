import { describe, expect, it } from 'vitest';
import { relativeError, statsFixtures } from '../testing/stats-fixtures.js';
import { signFlipPermutationTest } from './sign-flip-test.js';

const invalid = expect.objectContaining({ code: 'STATS_INVALID_ARGUMENT' });
const exactCases = statsFixtures.signFlip.filter((c) => c.method === 'exact');
const monteCarlo = statsFixtures.signFlip.filter((c) => c.method === 'monte-carlo');

describe('signFlipPermutationTest', () => {
  it.each(exactCases.map((c) => [c.label, c] as const))('is exact and matches the Python reference on %s', (_label, c) => {
    const r = signFlipPermutationTest(c.d);
    expect(r.method).toBe('exact');
    expect(r.permutations).toBe(2 ** c.d.length);
    expect(relativeError(r.pValue, c.pValue)).toBeLessThan(1e-12);
  });

  it('counts all 2^40 patterns exactly when asked, matching the dynamic programme', () => {
    const c = monteCarlo[0];
    expect(c.d).toHaveLength(40);
    expect(relativeError(signFlipPermutationTest(c.d, { exactLimit: 40 }).pValue, c.pValue)).toBeLessThan(1e-12);
  });

  it('falls back to a seeded Monte Carlo above the exact limit, within 4 standard errors of the exact p', () => {
    const c = monteCarlo[0];
    const r = signFlipPermutationTest(c.d, { seed: 7 });
    expect(r).toMatchObject({ method: 'monte-carlo', permutations: 99_999, seed: 7, n: 40 });
    expect(Math.abs(r.pValue - c.pValue)).toBeLessThan(4 * Math.sqrt((4 * c.pValue * (1 - c.pValue)) / 99_999));
    expect(signFlipPermutationTest(c.d, { seed: 7 }).pValue).toBe(r.pValue);
    expect(signFlipPermutationTest(c.d, { seed: 8 }).pValue).not.toBe(r.pValue);
  });

  it('never gives a Monte Carlo p of 0', () => {
    const r = signFlipPermutationTest(new Array<number>(35).fill(0.01), { resamples: 999 });
    expect(r.pValue).toBe(2 / 1000);
  });

  it('gives p = 1 for one pair or all-zero differences, and reports the mean', () => {
    expect(signFlipPermutationTest([0.3])).toMatchObject({ pValue: 1, meanDifference: 0.3, permutations: 2 });
    expect(signFlipPermutationTest([0, 0, 0]).pValue).toBe(1);
  });

  it('rejects bad options and bad samples', () => {
    expect(() => signFlipPermutationTest([0.1], { exactLimit: 41 })).toThrow(invalid);
    expect(() => signFlipPermutationTest([0.1], { resamples: 0 })).toThrow(invalid);
    expect(() => signFlipPermutationTest([0.1], { seed: 0.5 })).toThrow(invalid);
    expect(() => signFlipPermutationTest([])).toThrow(invalid);
  });
});
