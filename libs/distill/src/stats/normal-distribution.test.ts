import { describe, expect, it } from 'vitest';
import { relativeError, statsFixtures } from '../testing/stats-fixtures.js';
import { normalSf } from './normal-distribution.js';

describe('normalSf', () => {
  it.each(statsFixtures.normalSf.map((c) => [c.z, c.sf]))('matches scipy.stats.norm.sf(%d)', (z, sf) => {
    expect(relativeError(normalSf(z), sf)).toBeLessThan(1e-13);
  });

  it('is ½ at 0, symmetric, and passes NaN and infinities through sensibly', () => {
    expect(normalSf(0)).toBe(0.5);
    expect(normalSf(1.3) + normalSf(-1.3)).toBeCloseTo(1, 15);
    expect(normalSf(Infinity)).toBe(0);
    expect(normalSf(-Infinity)).toBe(1);
    expect(normalSf(Number.NaN)).toBeNaN();
  });
});
