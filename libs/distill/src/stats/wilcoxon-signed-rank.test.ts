import { describe, expect, it } from 'vitest';
import { relativeError, statsFixtures } from '../testing/stats-fixtures.js';
import { wilcoxonSignedRank } from './wilcoxon-signed-rank.js';

describe('wilcoxonSignedRank', () => {
  it.each(statsFixtures.wilcoxon.map((c) => [c.label, c.scipyCall, c] as const))('matches scipy 1.10 on %s (%s)', (_label, _call, c) => {
    const r = wilcoxonSignedRank(c.d);
    expect(r.statistic).toBe(c.statistic);
    expect(relativeError(r.pValue, c.pValue)).toBeLessThan(1e-12);
    expect(r.n).toBe(c.n);
    expect(r.method).toBe(c.method);
    expect(r.rankSumPositive + r.rankSumNegative).toBe((c.n * (c.n + 1)) / 2);
  });

  it('gives the same p with the signs flipped, and swaps the rank sums', () => {
    const d = [0.03, -0.01, 0.02, 0.05, -0.04, 0.06];
    const a = wilcoxonSignedRank(d);
    const b = wilcoxonSignedRank(d.map((v) => -v));
    expect(b.pValue).toBe(a.pValue);
    expect([b.rankSumPositive, b.rankSumNegative]).toEqual([a.rankSumNegative, a.rankSumPositive]);
  });

  it('treats differences equal up to float noise as ties and zeros', () => {
    // 0.7 − 0.6 and 0.9 − 0.8 differ in the last bits; so do 0.3 − 0.1 − 0.2 and 0.
    const noisy = wilcoxonSignedRank([0.7 - 0.6, 0.9 - 0.8, 0.3 - 0.1 - 0.2, 0.2, -0.3]);
    const clean = wilcoxonSignedRank([0.1, 0.1, 0, 0.2, -0.3]);
    expect(noisy).toEqual(clean);
    expect(noisy).toMatchObject({ n: 4, method: 'approx' });
  });

  it('returns p = 1 with nothing ranked when every difference is zero (scipy raises)', () => {
    expect(wilcoxonSignedRank([0, 0, 0])).toEqual({ statistic: 0, pValue: 1, n: 0, method: 'exact', rankSumPositive: 0, rankSumNegative: 0 });
  });

  it('rejects an empty or non-finite sample', () => {
    expect(() => wilcoxonSignedRank([])).toThrow(expect.objectContaining({ code: 'STATS_INVALID_ARGUMENT' }));
    expect(() => wilcoxonSignedRank([0.1, Infinity])).toThrow(/differences\[1\]/);
  });
});
