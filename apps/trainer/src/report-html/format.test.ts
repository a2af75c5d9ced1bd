import { describe, expect, it } from 'vitest';
import { bytes, duration, finiteOr, fixed, integer, meanSd } from './format.js';

describe('format', () => {
  it('falls back on non-finite and non-number values', () => {
    expect(finiteOr(Number.NaN, 1)).toBe(1);
    expect(finiteOr(null, 2)).toBe(2);
    expect(finiteOr(0, 3)).toBe(0);
    expect(fixed(undefined, 2)).toBe('–');
    expect(fixed(0.12345, 3)).toBe('0.123');
  });

  it('formats mean ± sd, treating a missing sd as zero', () => {
    expect(meanSd({ mean: 0.4, sd: 0.0234 }, 3)).toBe('0.400 ± 0.023');
    expect(meanSd({ mean: 0.4, sd: null as unknown as number }, 2)).toBe('0.40 ± 0.00');
    expect(meanSd(undefined, 3)).toBe('–');
  });

  it('formats durations, sizes and integers', () => {
    expect(duration(850)).toBe('850 ms');
    expect(duration(12_340)).toBe('12.3 s');
    expect(duration(245_000)).toBe('4 min 05 s');
    expect(duration('x')).toBe('–');
    expect(bytes(512)).toBe('512 B');
    expect(bytes(24_576)).toBe('24.0 KB');
    expect(bytes(3 * 1024 * 1024)).toBe('3.00 MB');
    expect(integer(148_229)).toBe('148\u202f229');
    expect(integer(undefined)).toBe('–');
  });
});
