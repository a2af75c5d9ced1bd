import { describe, expect, it } from 'vitest';
import { statsFixtures } from '../testing/stats-fixtures.js';
import { logGamma } from './log-gamma.js';

describe('logGamma', () => {
  it.each(statsFixtures.logGamma.map((c) => [c.x, c.value]))('matches scipy.special.gammaln(%d)', (x, value) => {
    expect(Math.abs(logGamma(x) - value) / Math.max(1, Math.abs(value))).toBeLessThan(1e-14);
  });

  it('gives ln (n − 1)! at integers', () => {
    let factorial = 1;
    for (let n = 1; n <= 20; n++) {
      expect(logGamma(n)).toBeCloseTo(Math.log(factorial), 12);
      factorial *= n;
    }
  });
});
