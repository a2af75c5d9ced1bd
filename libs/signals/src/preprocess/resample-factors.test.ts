import { describe, expect, it } from 'vitest';
import { errorAt } from '../testing/error-at.js';
import { gcd, resampleFactors } from './resample-factors.js';

describe('resampleFactors', () => {
  it('reduces integer rates by their gcd', () => {
    expect(resampleFactors(512, 32)).toEqual({ up: 1, down: 16 });
    expect(resampleFactors(512, 4)).toEqual({ up: 1, down: 128 });
    expect(resampleFactors(4, 32)).toEqual({ up: 8, down: 1 });
    expect(resampleFactors(100, 512)).toEqual({ up: 128, down: 25 });
    expect(resampleFactors(1024, 1023)).toEqual({ up: 1023, down: 1024 });
    expect(resampleFactors(32, 32)).toEqual({ up: 1, down: 1 });
  });

  it('reads non-integer rates as small fractions', () => {
    expect(resampleFactors(7.5, 32)).toEqual({ up: 64, down: 15 });
    expect(resampleFactors(29.97, 30)).toEqual({ up: 1000, down: 999 });
    expect(resampleFactors(512, 1 / 3 + 1)).toEqual({ up: 1, down: 384 });
  });

  it('refuses rates out of range, non-finite or irrational-looking, and huge factors', () => {
    expect(errorAt(() => resampleFactors(0.5, 32))).toBe('SIGNAL_INVALID_ARGUMENT@fromHz');
    expect(errorAt(() => resampleFactors(512, 2048))).toBe('SIGNAL_INVALID_ARGUMENT@toHz');
    expect(errorAt(() => resampleFactors(Number.NaN, 32))).toBe('SIGNAL_INVALID_ARGUMENT@fromHz');
    expect(errorAt(() => resampleFactors(512, Math.PI))).toBe('SIGNAL_INVALID_ARGUMENT@toHz');
    expect(errorAt(() => resampleFactors(1024, 1023.999))).toBe('SIGNAL_INVALID_ARGUMENT@toHz');
  });
});

describe('gcd', () => {
  it('computes greatest common divisors', () => {
    expect(gcd(512, 32)).toBe(32);
    expect(gcd(100, 512)).toBe(4);
    expect(gcd(7, 0)).toBe(7);
  });
});
