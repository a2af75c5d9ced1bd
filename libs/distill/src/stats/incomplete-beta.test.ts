import { describe, expect, it } from 'vitest';
import { relativeError, statsFixtures } from '../testing/stats-fixtures.js';
import { regularizedIncompleteBeta } from './incomplete-beta.js';

describe('regularizedIncompleteBeta', () => {
  it.each(statsFixtures.incompleteBeta.map((c) => [c.x, c.a, c.b, c.value]))('matches scipy.special.betainc at x=%d, a=%d, b=%d', (x, a, b, value) => {
    expect(relativeError(regularizedIncompleteBeta(x, a, b), value)).toBeLessThan(1e-12);
  });

  it('is 0 at x = 0, 1 at x = 1, and satisfies I_x(a, b) = 1 − I_{1−x}(b, a)', () => {
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
    for (const x of [0.1, 0.35, 0.6, 0.9]) expect(regularizedIncompleteBeta(x, 2.5, 4) + regularizedIncompleteBeta(1 - x, 4, 2.5)).toBeCloseTo(1, 14);
  });

  it('has the closed form x^a when b = 1', () => {
    expect(regularizedIncompleteBeta(0.3, 3, 1)).toBeCloseTo(0.027, 15);
  });
});
