import { describe, expect, it } from 'vitest';
import { besselI0, kaiserLowpass, kaiserWindow } from './kaiser-lowpass.js';

describe('kaiser low-pass design', () => {
  it('evaluates I0 to double precision (values from scipy.special.i0)', () => {
    expect(besselI0(0)).toBe(1);
    expect(besselI0(1)).toBeCloseTo(1.2660658777520082, 15);
    expect(besselI0(5) / 27.239871823604442).toBeCloseTo(1, 14);
  });

  it('builds a symmetric window peaking at 1 in the middle', () => {
    const w = kaiserWindow(21, 5);
    expect(w[10]).toBe(1);
    for (let i = 0; i < 21; i++) expect(w[i]).toBeCloseTo(w[20 - i], 15);
    expect(w[0]).toBeCloseTo(1 / 27.239871823604442, 14);
    expect(Array.from(kaiserWindow(1, 5))).toEqual([1]);
  });

  it('designs a unit-DC-gain symmetric low-pass that rejects frequencies past the cutoff', () => {
    const h = kaiserLowpass(161, 1 / 8, 5);
    expect(h.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 14);
    for (let i = 0; i < 161; i++) expect(h[i]).toBeCloseTo(h[160 - i], 15);
    const gain = (f: number) => {
      let re = 0;
      let im = 0;
      for (let n = 0; n < h.length; n++) {
        re += h[n] * Math.cos(2 * Math.PI * f * n);
        im -= h[n] * Math.sin(2 * Math.PI * f * n);
      }
      return Math.hypot(re, im);
    };
    expect(Math.abs(gain(0.01) - 1)).toBeLessThan(1e-3); // pass band (cutoff is 1/16 cycles/sample)
    expect(gain(0.1)).toBeLessThan(1e-2); // stop band, ≥ 40 dB down
  });
});
