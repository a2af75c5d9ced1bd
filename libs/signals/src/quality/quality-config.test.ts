/** @module Tests of the quality config: defaults, overrides and every rejected value. */
import { describe, expect, it } from 'vitest';
import { errorAt } from '../testing/error-at.js';
import { DEFAULT_SIGNAL_QUALITY_CONFIG, signalQualityConfig } from './quality-config.js';

describe('signalQualityConfig', () => {
  it('fills defaults and keeps overrides', () => {
    expect(signalQualityConfig()).toEqual(DEFAULT_SIGNAL_QUALITY_CONFIG);
    expect(signalQualityConfig({ maxDropoutFraction: 0.2 }).maxDropoutFraction).toBe(0.2);
  });
  it('names the field it rejects', () => {
    expect(errorAt(() => signalQualityConfig({ rangeMicroSiemens: { min: 5, max: 1 } }))).toBe('SIGNAL_INVALID_ARGUMENT@rangeMicroSiemens');
    expect(errorAt(() => signalQualityConfig({ maxOutOfRangeFraction: 1 }))).toBe('SIGNAL_INVALID_ARGUMENT@maxOutOfRangeFraction');
    expect(errorAt(() => signalQualityConfig({ maxDropoutFraction: -0.1 }))).toBe('SIGNAL_INVALID_ARGUMENT@maxDropoutFraction');
    expect(errorAt(() => signalQualityConfig({ flatSpanMicroSiemens: 0 }))).toBe('SIGNAL_INVALID_ARGUMENT@flatSpanMicroSiemens');
    expect(errorAt(() => signalQualityConfig({ slopeLagSeconds: Number.NaN }))).toBe('SIGNAL_INVALID_ARGUMENT@slopeLagSeconds');
    expect(errorAt(() => signalQualityConfig({ clipMinSamples: 1.5 }))).toBe('SIGNAL_INVALID_ARGUMENT@clipMinSamples');
  });
});
