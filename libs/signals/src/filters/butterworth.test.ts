import { describe, expect, it } from 'vitest';
import { errorAt } from '../testing/error-at.js';
import { featureFixtures } from '../testing/feature-fixtures.js';
import { relativeError } from '../testing/fixtures.js';
import { bandSections, butterworthSection } from './butterworth.js';

/** scipy's sos rows are b0 b1 b2 a0 a1 a2 with a0 = 1; ours leave a0 out. */
const withoutA0 = (sos: number[]): number[] => [sos[0], sos[1], sos[2], sos[4], sos[5]];

describe('butterworthSection', () => {
  it.each(featureFixtures().butter.map((c) => [`${c.kind} ${c.cutoffHz} Hz at ${c.sampleRate} Hz`, c] as const))(
    'equals scipy butter(2, …, output="sos"): %s',
    (_, c) => {
      expect(c.sos[3]).toBe(1);
      expect(relativeError(butterworthSection(c.kind, c.cutoffHz, c.sampleRate), withoutA0(c.sos))).toBeLessThan(1e-12);
    },
  );

  it('has unit gain in the pass band and −3 dB at the cutoff', () => {
    const gain = (s: Float64Array, hz: number, fs: number): number => {
      const w = (2 * Math.PI * hz) / fs;
      const re = (a: number, b: number, c: number): number => a + b * Math.cos(w) + c * Math.cos(2 * w);
      const im = (b: number, c: number): number => -b * Math.sin(w) - c * Math.sin(2 * w);
      return Math.hypot(re(s[0], s[1], s[2]), im(s[1], s[2])) / Math.hypot(re(1, s[3], s[4]), im(s[3], s[4]));
    };
    const low = butterworthSection('lowpass', 40, 512);
    expect(gain(low, 0, 512)).toBeCloseTo(1, 12);
    expect(gain(low, 40, 512)).toBeCloseTo(Math.SQRT1_2, 12);
    const high = butterworthSection('highpass', 20, 512);
    expect(gain(high, 256, 512)).toBeCloseTo(1, 12);
    expect(gain(high, 20, 512)).toBeCloseTo(Math.SQRT1_2, 12);
  });

  it('refuses a cutoff at or above Nyquist, or not positive', () => {
    expect(errorAt(() => butterworthSection('lowpass', 256, 512))).toBe('SIGNAL_INVALID_ARGUMENT@cutoffHz');
    expect(errorAt(() => butterworthSection('highpass', 0, 512))).toBe('SIGNAL_INVALID_ARGUMENT@cutoffHz');
  });
});

describe('bandSections', () => {
  it('is a high-pass section then a low-pass section; null edges leave a section out', () => {
    const band = bandSections(0.5, 40, 512);
    expect(Array.from(band.subarray(0, 5))).toEqual(Array.from(butterworthSection('highpass', 0.5, 512)));
    expect(Array.from(band.subarray(5))).toEqual(Array.from(butterworthSection('lowpass', 40, 512)));
    expect(bandSections(null, 40, 512).length).toBe(5);
    expect(bandSections(20, null, 512).length).toBe(5);
    expect(bandSections(null, null, 512).length).toBe(0);
  });

  it('refuses a high edge at or below the low edge', () => {
    expect(errorAt(() => bandSections(40, 40, 512))).toBe('SIGNAL_INVALID_ARGUMENT@highHz');
  });
});
