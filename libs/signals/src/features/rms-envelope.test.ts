import { describe, expect, it } from 'vitest';
import { resample } from '../preprocess/resample.js';
import { errorAt } from '../testing/error-at.js';
import { featureFixtures } from '../testing/feature-fixtures.js';
import { relativeError } from '../testing/fixtures.js';
import { rmsEnvelope } from './rms-envelope.js';

describe('rmsEnvelope', () => {
  it.each(featureFixtures().envelope.map((c) => [c.name, c] as const))('equals the numpy/scipy envelope: %s', (_, c) => {
    const envelope = rmsEnvelope(c.x, c.sampleRate, c);
    expect(relativeError(envelope, c.envelope)).toBeLessThan(1e-9);
    expect(relativeError(resample(envelope, c.sampleRate, c.modelRate, { padType: 'edge' }), c.resampled)).toBeLessThan(1e-9);
  });

  it('gives A/√2 for a sine of amplitude A above the high-pass edge, and ignores an offset', () => {
    const x = new Float64Array(2816);
    for (let k = 0; k < x.length; k++) x[k] = 50 + 10 * Math.sin((2 * Math.PI * 80 * k) / 512);
    const envelope = rmsEnvelope(x, 512, { highPassHz: 20, lowPassHz: null, windowSeconds: 0.25 });
    for (let k = 200; k < 2600; k += 100) expect(envelope[k]).toBeCloseTo(10 / Math.SQRT2, 1);
  });

  it('refuses a window longer than the signal and an edge above Nyquist', () => {
    expect(errorAt(() => rmsEnvelope(new Float64Array(100), 512, { highPassHz: 20, lowPassHz: null, windowSeconds: 1 }))).toBe(
      'SIGNAL_INVALID_ARGUMENT@options.windowSeconds',
    );
    expect(errorAt(() => rmsEnvelope(new Float64Array(2816), 512, { highPassHz: 300, lowPassHz: null, windowSeconds: 0.25 }))).toBe(
      'SIGNAL_INVALID_ARGUMENT@cutoffHz',
    );
  });
});
