import { describe, expect, it } from 'vitest';
import { minAttainablePValue } from './min-attainable-p-value.js';
import { signFlipPermutationTest } from './sign-flip-test.js';
import { wilcoxonSignedRank } from './wilcoxon-signed-rank.js';

describe('minAttainablePValue', () => {
  it('is 2/2^n, capped at 1', () => {
    expect([0, 1, 2, 5, 6, 10].map(minAttainablePValue)).toEqual([1, 1, 0.5, 0.0625, 0.03125, 0.001953125]);
  });

  it('is what the exact tests give when every difference has the same sign', () => {
    for (const n of [3, 5, 8]) {
      const d = Array.from({ length: n }, (_, i) => (i + 1) / 100);
      expect(wilcoxonSignedRank(d).pValue).toBe(minAttainablePValue(n));
      expect(signFlipPermutationTest(d).pValue).toBe(minAttainablePValue(n));
    }
  });

  it('rejects a count that is not a non-negative integer', () => {
    for (const n of [-1, 2.5, Number.NaN]) expect(() => minAttainablePValue(n)).toThrow(expect.objectContaining({ code: 'STATS_INVALID_ARGUMENT' }));
  });
});
