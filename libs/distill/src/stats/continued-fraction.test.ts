import { describe, expect, it } from 'vitest';
import { continuedFraction } from './continued-fraction.js';

describe('continuedFraction', () => {
  it('evaluates known fractions to a few ulps', () => {
    expect(continuedFraction(1, () => [1, 2])).toBeCloseTo(Math.SQRT2, 14);
    // golden ratio = 1 + 1/(1 + 1/(1 + …))
    expect(continuedFraction(1, () => [1, 1])).toBeCloseTo((1 + Math.sqrt(5)) / 2, 14);
    // e − 2 = 1/(1 + 1/(2 + 2/(3 + 3/(4 + …))))
    expect(continuedFraction(0, (i) => [i === 1 ? 1 : i - 1, i])).toBeCloseTo(Math.E - 2, 14);
  });

  it('reports a fraction that does not settle within maxTerms with a coded error', () => {
    expect(() => continuedFraction(1, () => [1, 1], { maxTerms: 3 })).toThrow(expect.objectContaining({ code: 'STATS_NOT_CONVERGED' }));
  });
});
