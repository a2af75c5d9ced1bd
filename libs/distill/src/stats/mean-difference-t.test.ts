import { describe, expect, it } from 'vitest';
import { meanDifferenceTTest } from './mean-difference-t.js';

describe('meanDifferenceTTest degenerate cases', () => {
  it('one pair: statistic 0, df 0, p 1 and an unbounded interval', () => {
    expect(meanDifferenceTTest(Float64Array.of(0.04), 1, 0.95)).toEqual({
      n: 1,
      meanDifference: 0.04,
      sd: 0,
      statistic: 0,
      df: 0,
      pValue: 1,
      ci: { lower: -Infinity, upper: Infinity, level: 0.95 },
    });
  });

  it('identical zero differences: p 1 and the interval [0, 0]', () => {
    const r = meanDifferenceTTest(new Float64Array(4), 0.25, 0.9);
    expect(r).toMatchObject({ statistic: 0, df: 3, pValue: 1, sd: 0, ci: { lower: 0, upper: 0, level: 0.9 } });
  });

  it('identical non-zero differences: statistic ±∞, p 0 and the interval [d, d], even where the mean rounds', () => {
    const up = meanDifferenceTTest(Float64Array.of(0.1, 0.1, 0.1), 1 / 3, 0.95);
    expect(up).toMatchObject({ meanDifference: 0.1, statistic: Infinity, pValue: 0, ci: { lower: 0.1, upper: 0.1 } });
    expect(meanDifferenceTTest(Float64Array.of(-2, -2), 0.5, 0.95).statistic).toBe(-Infinity);
  });

  it('scales the standard error by the variance factor', () => {
    const d = Float64Array.of(0.01, 0.03, 0.02, 0.05);
    const plain = meanDifferenceTTest(d, 1 / 4, 0.95);
    const inflated = meanDifferenceTTest(d, 1, 0.95);
    expect(inflated.statistic).toBeCloseTo(plain.statistic / 2, 12);
    expect(inflated.ci.upper - inflated.ci.lower).toBeCloseTo(2 * (plain.ci.upper - plain.ci.lower), 12);
  });
});
