import { describe, expect, it } from 'vitest';
import { relativeError, statsFixtures } from '../testing/stats-fixtures.js';
import { studentTCdf } from './student-t.js';
import { studentTQuantile, studentTUpperQuantile } from './student-t-quantile.js';

const invalid = expect.objectContaining({ code: 'STATS_INVALID_ARGUMENT' });

describe('studentTQuantile', () => {
  it(`matches 40-digit mpmath quantiles to 1e-10 relative (${statsFixtures.studentTQuantile.length} points, df 1…200, p 1e-6…1 − 1e-6)`, () => {
    let worst = 0;
    for (const c of statsFixtures.studentTQuantile) worst = Math.max(worst, relativeError(studentTQuantile(c.p, c.df), c.t));
    expect(worst).toBeLessThan(1e-10);
  });

  it('agrees with scipy.stats.t.ppf within that function’s own error (≤ 5e-9 relative)', () => {
    for (const c of statsFixtures.studentTQuantile) {
      expect(Math.abs(studentTQuantile(c.p, c.df) - c.scipyPpf)).toBeLessThanOrEqual(5e-9 * Math.abs(c.t) + 1e-15);
    }
  });

  it('inverts the CDF, is odd, and gives ∓∞ at 0 and 1', () => {
    for (const p of [1e-9, 0.3, 0.999]) expect(relativeError(studentTCdf(studentTQuantile(p, 6), 6), p)).toBeLessThan(1e-12);
    expect(studentTQuantile(0.25, 5)).toBe(-studentTQuantile(0.75, 5));
    expect(studentTQuantile(0.5, 3)).toBe(0);
    expect(studentTQuantile(0, 3)).toBe(-Infinity);
    expect(studentTQuantile(1, 3)).toBe(Infinity);
  });

  it('rejects probabilities outside [0, 1] and bad degrees of freedom', () => {
    for (const p of [-0.1, 1.5, Number.NaN]) expect(() => studentTQuantile(p, 3)).toThrow(invalid);
    expect(() => studentTQuantile(0.3, 0)).toThrow(invalid);
  });
});

describe('studentTUpperQuantile', () => {
  it('gives the two-sided critical value directly from the tail', () => {
    expect(studentTUpperQuantile(0.025, 9)).toBeCloseTo(2.2621571627982055, 14); // mpmath; scipy's t.ppf says …7409915
    expect(studentTUpperQuantile(0.5, 9)).toBe(0);
    expect(studentTUpperQuantile(0, 9)).toBe(Infinity);
    expect(() => studentTUpperQuantile(0.6, 9)).toThrow(invalid);
  });
});
