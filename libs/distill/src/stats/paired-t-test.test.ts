import { describe, expect, it } from 'vitest';
import { relativeError, statsFixtures } from '../testing/stats-fixtures.js';
import { pairedTTest } from './paired-t-test.js';

const invalid = expect.objectContaining({ code: 'STATS_INVALID_ARGUMENT' });

describe('pairedTTest', () => {
  it.each(statsFixtures.pairedT.map((c) => [c.a.length, c.level, c] as const))('matches scipy.stats.ttest_rel with %i pairs at level %d', (_n, level, c) => {
    const r = pairedTTest(c.a, c.b, { level });
    expect(relativeError(r.statistic, c.statistic)).toBeLessThan(1e-12);
    expect(relativeError(r.pValue, c.pValue)).toBeLessThan(1e-12);
    expect(r.df).toBe(c.df);
    // the interval with an exact quantile, and scipy's own (its t.ppf is off by up to 5e-9)
    const width = c.ciHigh - c.ciLow;
    expect(Math.abs(r.ci.lower - c.ciLow) / width).toBeLessThan(1e-12);
    expect(Math.abs(r.ci.upper - c.ciHigh) / width).toBeLessThan(1e-12);
    expect(Math.abs(r.ci.lower - c.scipyCiLow) / width).toBeLessThan(1e-8);
    expect(Math.abs(r.ci.upper - c.scipyCiHigh) / width).toBeLessThan(1e-8);
    expect(r.ci.level).toBe(level);
  });

  it('defaults to a 95 % interval and accepts typed arrays', () => {
    const r = pairedTTest(Float64Array.of(0.82, 0.85, 0.8), Float32Array.of(0.5, 0.5, 0.5));
    expect(r.ci.level).toBe(0.95);
    expect(r.ci.lower).toBeLessThan(r.meanDifference);
  });

  it('returns p = 1 and [0, 0] when every difference is zero (scipy: NaN)', () => {
    expect(pairedTTest([0.8, 0.7], [0.8, 0.7])).toMatchObject({ statistic: 0, pValue: 1, ci: { lower: 0, upper: 0 } });
  });

  it('rejects unequal lengths, empty or non-finite samples and a bad level', () => {
    expect(() => pairedTTest([1, 2], [1])).toThrow(invalid);
    expect(() => pairedTTest([], [])).toThrow(invalid);
    expect(() => pairedTTest([1, Number.NaN], [1, 2])).toThrow(/a\[1\] is NaN/);
    expect(() => pairedTTest([1, 2], [1, 3], { level: 95 })).toThrow(invalid);
  });
});
