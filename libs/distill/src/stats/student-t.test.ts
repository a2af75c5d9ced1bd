import { describe, expect, it } from 'vitest';
import { relativeError, statsFixtures } from '../testing/stats-fixtures.js';
import { studentTCdf, studentTPdf, studentTSf } from './student-t.js';

describe('studentTCdf / studentTSf', () => {
  it(`match scipy.stats.t.cdf and t.sf to 1e-10 relative (${statsFixtures.studentT.length} points, df 1…200, p 1e-6…1 − 1e-6)`, () => {
    let worst = 0;
    for (const c of statsFixtures.studentT) {
      worst = Math.max(worst, relativeError(studentTCdf(c.t, c.df), c.cdf), relativeError(studentTSf(c.t, c.df), c.sf));
    }
    expect(worst).toBeLessThan(1e-10);
  });

  it('has the Cauchy closed form at df = 1 and the limits at ±∞', () => {
    for (const t of [-3, -0.5, 0, 0.7, 12]) expect(studentTCdf(t, 1)).toBeCloseTo(0.5 + Math.atan(t) / Math.PI, 14);
    expect(studentTSf(Infinity, 4)).toBe(0);
    expect(studentTCdf(-Infinity, 4)).toBe(0);
    expect(studentTSf(-Infinity, 4)).toBe(1);
  });

  it('rejects degrees of freedom that are not finite and positive', () => {
    for (const df of [0, -1, Infinity, Number.NaN]) expect(() => studentTSf(1, df)).toThrow(expect.objectContaining({ code: 'STATS_INVALID_ARGUMENT' }));
  });
});

describe('studentTPdf', () => {
  it('is the derivative of the CDF', () => {
    const h = 1e-5;
    for (const df of [1, 3.5, 30]) {
      for (const t of [-2, 0, 0.4, 5]) {
        const slope = (studentTCdf(t + h, df) - studentTCdf(t - h, df)) / (2 * h);
        expect(studentTPdf(t, df)).toBeCloseTo(slope, 8);
      }
    }
    expect(studentTPdf(0, 1)).toBeCloseTo(1 / Math.PI, 15);
  });
});
