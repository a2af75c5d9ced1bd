import { describe, expect, it } from 'vitest';
import { errorAt } from '../testing/error-at.js';
import { featureFixtures } from '../testing/feature-fixtures.js';
import { relativeError } from '../testing/fixtures.js';
import { bandSections } from './butterworth.js';
import { sosFiltfilt } from './sos-filtfilt.js';

describe('sosFiltfilt', () => {
  it.each(featureFixtures().sosfiltfilt.map((c) => [c.name, c] as const))('equals scipy sosfiltfilt: %s', (_, c) => {
    const y = sosFiltfilt(bandSections(c.lowHz, c.highHz, c.sampleRate), c.x);
    expect(y.length).toBe(c.x.length);
    expect(relativeError(y, c.y)).toBeLessThan(1e-10);
  });

  it('has zero phase: a symmetric pulse stays centred', () => {
    const x = new Float64Array(4001);
    for (let i = 0; i < x.length; i++) x[i] = Math.exp(-0.5 * ((i - 2000) / 6) ** 2);
    const y = sosFiltfilt(bandSections(5, 15, 512), x);
    for (let k = 1; k <= 200; k++) expect(y[2000 - k]).toBeCloseTo(y[2000 + k], 12);
    expect(y.indexOf(Math.max(...y))).toBe(2000);
  });

  it('returns a copy for an empty cascade', () => {
    const x = Float32Array.of(1, 2, 3);
    const y = sosFiltfilt(new Float64Array(0), x);
    expect(Array.from(y)).toEqual([1, 2, 3]);
  });

  it('refuses a signal no longer than the padding, non-finite samples and a ragged cascade', () => {
    expect(errorAt(() => sosFiltfilt(bandSections(5, 15, 512), new Float64Array(15)))).toBe('SIGNAL_INVALID_ARGUMENT@x');
    expect(errorAt(() => sosFiltfilt(bandSections(5, null, 512), Float64Array.of(1, Number.NaN, 2, 3, 4, 5, 6, 7, 8, 9, 10)))).toBe(
      'SIGNAL_INVALID_ARGUMENT@x',
    );
    expect(errorAt(() => sosFiltfilt(new Float64Array(4), new Float64Array(50)))).toBe('SIGNAL_INVALID_ARGUMENT@sections');
  });
});
