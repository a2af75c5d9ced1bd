import { describe, expect, it } from 'vitest';
import { count, fileSize, num, pct, pointsInterval, pValueText, row, seconds, signedDifference, signedPoints } from './markdown-format.js';

describe('markdown formats', () => {
  it('escapes pipes in cells and formats mean ± sd', () => {
    expect(row(['a', 'b|c'])).toBe('| a | b\\|c |');
    expect(pct({ mean: 0.8512, sd: 0.031 })).toBe('85.1 ± 3.1');
    expect(num({ mean: 0.15, sd: 0.0707 })).toBe('0.150 ± 0.071');
    expect(seconds(65_000)).toBe('1.1 min');
    expect(seconds(3_000)).toBe('3.0 s');
  });

  it('signs point differences and never prints -0.0', () => {
    expect(signedPoints(0.0213)).toBe('+2.1');
    expect(signedPoints(-0.0305)).toBe('−3.0');
    expect(signedPoints(0.0016, 2)).toBe('+0.16');
    expect(signedPoints(-0.0025, 2)).toBe('−0.25');
    expect(signedPoints(-0.00001, 2)).toBe('0.00');
    expect(signedPoints(-0.0004)).toBe('0.0');
    expect(signedPoints(null)).toBe('–');
  });

  it('signs other differences the same way, in the units given', () => {
    expect(signedDifference(-0.0104, 3)).toBe('−0.010');
    expect(signedDifference(0.05, 3)).toBe('+0.050');
    expect(signedDifference(-0.0001, 3)).toBe('0.000');
    expect(signedDifference(Number.POSITIVE_INFINITY, 3)).toBe('–');
  });

  it('shows a null (JSON-written infinite) interval end as ∞', () => {
    expect(pointsInterval({ lower: -0.011, upper: 0.032 })).toBe('[−1.1, +3.2]');
    expect(pointsInterval({ lower: null, upper: null })).toBe('[−∞, +∞]');
  });

  it('formats p-values, counts and file sizes', () => {
    expect(pValueText(0.03125)).toBe('0.031');
    expect(pValueText(0.00213)).toBe('0.0021');
    expect(pValueText(undefined)).toBe('–');
    expect(count(148229)).toBe('148,229');
    expect([fileSize(900), fileSize(3100), fileSize(3 * 1024 * 1024)]).toEqual(['900 B', '3.0 KB', '3.00 MB']);
  });
});
