import { describe, expect, it } from 'vitest';
import { errorAt } from '../testing/error-at.js';
import { parseWearableConfig } from './parse-wearable-config.js';
import { DEFAULT_WEARABLE_CONFIG } from './wearable-config.js';

describe('parseWearableConfig', () => {
  it('gives the defaults (an E4) for an empty object, and round-trips through JSON', () => {
    expect(parseWearableConfig({})).toEqual(DEFAULT_WEARABLE_CONFIG);
    expect(parseWearableConfig(JSON.parse(JSON.stringify(DEFAULT_WEARABLE_CONFIG)))).toEqual(DEFAULT_WEARABLE_CONFIG);
    expect(DEFAULT_WEARABLE_CONFIG).toMatchObject({ sampleRate: 4, resolutionUs: 0.0009, rangeUs: { min: 0.01, max: 100 } });
  });

  it('fills nested defaults and switches motion or dropouts off with null', () => {
    const config = parseWearableConfig({ sampleRate: 8, rangeUs: { max: 40 }, motion: null, dropouts: { ratePerMinute: 2 } });
    expect(config.sampleRate).toBe(8);
    expect(config.rangeUs).toEqual({ min: 0.01, max: 40 });
    expect(config.motion).toBeNull();
    expect(config.dropouts).toEqual({ ...DEFAULT_WEARABLE_CONFIG.dropouts, ratePerMinute: 2 });
  });

  it('names the JSON path of the first bad field', () => {
    const at = (input: unknown): string | undefined => errorAt(() => parseWearableConfig(input, '$.wearable'));
    expect(at([])).toBe('VIEW_INVALID_CONFIG@$.wearable');
    expect(at({ sampleRate: 0.5 })).toBe('VIEW_INVALID_CONFIG@$.wearable.sampleRate');
    expect(at({ sampleRate: Math.PI })).toBe('VIEW_INVALID_CONFIG@$.wearable.sampleRate');
    expect(at({ resolutionUs: -1 })).toBe('VIEW_INVALID_CONFIG@$.wearable.resolutionUs');
    expect(at({ rangeUs: { min: 5, max: 5 } })).toBe('VIEW_INVALID_CONFIG@$.wearable.rangeUs.max');
    expect(at({ noiseUs: '0.01' })).toBe('VIEW_INVALID_CONFIG@$.wearable.noiseUs');
    expect(at({ motion: { maxRelativeAmplitude: 1 } })).toBe('VIEW_INVALID_CONFIG@$.wearable.motion.maxRelativeAmplitude');
    expect(at({ motion: { minSeconds: 3 } })).toBe('VIEW_INVALID_CONFIG@$.wearable.motion.maxSeconds');
    expect(at({ dropouts: { maxFraction: 2 } })).toBe('VIEW_INVALID_CONFIG@$.wearable.dropouts.maxFraction');
    expect(at({ dropouts: { minSeconds: 0 } })).toBe('VIEW_INVALID_CONFIG@$.wearable.dropouts.minSeconds');
    expect(at({ dropout: {} })).toBe('VIEW_INVALID_CONFIG@$.wearable.dropout');
  });
});
