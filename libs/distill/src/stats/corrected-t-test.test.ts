import { describe, expect, it } from 'vitest';
import { relativeError, statsFixtures } from '../testing/stats-fixtures.js';
import { correctedResampledTTest } from './corrected-t-test.js';
import { pairedTTest } from './paired-t-test.js';

const invalid = expect.objectContaining({ code: 'STATS_INVALID_ARGUMENT' });

describe('correctedResampledTTest', () => {
  it.each(statsFixtures.correctedT.map((c) => [c.differences.length, c.testTrainRatio, c] as const))(
    'matches the fixture script’s implementation (%i differences, test/train %d)',
    (_n, ratio, c) => {
      const r = correctedResampledTTest(c.differences, { testTrainRatio: ratio, level: c.level });
      expect(relativeError(r.statistic, c.statistic)).toBeLessThan(1e-12);
      expect(relativeError(r.pValue, c.pValue)).toBeLessThan(1e-12);
      expect(r.df).toBe(c.df);
      expect(relativeError(r.ci.lower, c.ciLow)).toBeLessThan(1e-12);
      expect(relativeError(r.ci.upper, c.ciHigh)).toBeLessThan(1e-12);
      expect(r.testTrainRatio).toBe(ratio);
    },
  );

  it('does not grow more significant by repeating the same folds, unlike the plain t-test', () => {
    const folds = [0.02, -0.01, 0.03, 0.01, 0.0];
    const repeated = (r: number) => Array.from({ length: r }, () => folds).flat();
    const zeros = (r: number) => new Array<number>(5 * r).fill(0);
    const plain = [1, 4, 16].map((r) => pairedTTest(repeated(r), zeros(r)).pValue);
    const corrected = [1, 4, 16].map((r) => correctedResampledTTest(repeated(r), { testTrainRatio: 1 / 4 }).pValue);
    expect(plain[2]).toBeLessThan(0.01); // 80 "pairs" of five distinct numbers: spuriously significant
    expect(Math.min(...corrected)).toBeGreaterThan(0.1);
    corrected.forEach((p, i) => expect(p).toBeGreaterThan(plain[i]));
  });

  it('rejects a missing or non-positive test/train ratio and a bad level', () => {
    expect(() => correctedResampledTTest([0.1, 0.2], { testTrainRatio: 0 })).toThrow(invalid);
    expect(() => correctedResampledTTest([0.1, 0.2], { testTrainRatio: Number.NaN })).toThrow(/testTrainRatio/);
    expect(() => correctedResampledTTest([0.1, 0.2], { testTrainRatio: 0.25, level: 0 })).toThrow(invalid);
  });
});
