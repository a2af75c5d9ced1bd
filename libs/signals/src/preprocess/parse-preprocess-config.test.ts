import { describe, expect, it } from 'vitest';
import { SignalsError } from '../errors.js';
import { caught } from '../testing/error-at.js';
import { parsePreprocessConfig } from './parse-preprocess-config.js';
import { DEFAULT_PREPROCESS_CONFIG } from './preprocess-config.js';

function pathOf(input: unknown): string | undefined {
  try {
    parsePreprocessConfig(input);
  } catch (error) {
    if (!(error instanceof SignalsError)) throw error;
    expect(error.code).toBe('PREPROCESS_INVALID_CONFIG');
    return error.location.path;
  }
  return undefined;
}

describe('parsePreprocessConfig', () => {
  it('gives the defaults for an empty object or no input', () => {
    expect(parsePreprocessConfig({})).toEqual(DEFAULT_PREPROCESS_CONFIG);
    expect(parsePreprocessConfig()).toEqual(DEFAULT_PREPROCESS_CONFIG);
  });

  it('accepts its own JSON output', () => {
    const config = parsePreprocessConfig({ sampleRate: 64, normalization: { scope: 'subject' } });
    expect(parsePreprocessConfig(JSON.parse(JSON.stringify(config)))).toEqual(config);
  });

  it('fills nested defaults, derives windowSamples and allows switching steps off', () => {
    const config = parsePreprocessConfig({
      sampleRate: 64,
      outliers: null,
      smoothing: { polyOrder: 3 },
      normalization: { method: 'minmax' },
    });
    expect(config.windowSamples).toBe(352);
    expect(config.outliers).toBeNull();
    expect(config.smoothing).toEqual({ windowSeconds: 0.5, polyOrder: 3 });
    expect(config.normalization).toEqual({ method: 'minmax', scope: 'window' });
    expect(parsePreprocessConfig({ smoothing: null }).smoothing).toBeNull();
  });

  it('names the JSON path of the first bad field', () => {
    expect(pathOf(null)).toBe('$');
    expect(pathOf([])).toBe('$');
    expect(pathOf({ sampleRate: 0 })).toBe('$.sampleRate');
    expect(pathOf({ sampleRate: '32' })).toBe('$.sampleRate');
    expect(pathOf({ sampleRate: Math.PI })).toBe('$.sampleRate');
    expect(pathOf({ windowSeconds: -1 })).toBe('$.windowSeconds');
    expect(pathOf({ windowSamples: 175 })).toBe('$.windowSamples');
    expect(pathOf({ missing: { maxMissingFraction: 2 } })).toBe('$.missing.maxMissingFraction');
    expect(pathOf({ outliers: { zThreshold: 0 } })).toBe('$.outliers.zThreshold');
    expect(pathOf({ outliers: 3 })).toBe('$.outliers');
    expect(pathOf({ resampling: { padType: 'wrap' } })).toBe('$.resampling.padType');
    expect(pathOf({ length: { padMode: 'mirror' } })).toBe('$.length.padMode');
    expect(pathOf({ smoothing: { polyOrder: 17 } })).toBe('$.smoothing.polyOrder');
    expect(pathOf({ smoothing: { polyOrder: 1.5 } })).toBe('$.smoothing.polyOrder');
    expect(pathOf({ smoothing: { windowSeconds: 6 } })).toBe('$.smoothing.windowSeconds');
    expect(pathOf({ normalization: { method: 'l2' } })).toBe('$.normalization.method');
    expect(pathOf({ normalization: { scope: 'cohort' } })).toBe('$.normalization.scope');
  });

  it('rejects unknown fields (typos) at any level', () => {
    expect(pathOf({ sampleRte: 32 })).toBe('$.sampleRte');
    expect(pathOf({ smoothing: { order: 2 } })).toBe('$.smoothing.order');
  });

  it('accepts windowSamples when it matches', () => {
    expect(parsePreprocessConfig({ windowSamples: 176 }).windowSamples).toBe(176);
  });
});

describe('parsePreprocessConfig inside a larger document', () => {
  it('prefixes error paths with the path it is given', () => {
    expect(caught(() => parsePreprocessConfig({ smoothing: { polyOrder: 17 } }, '$.student.preprocess')).location.path).toBe(
      '$.student.preprocess.smoothing.polyOrder',
    );
    expect(caught(() => parsePreprocessConfig(7, '$.teacher.preprocess')).location.path).toBe('$.teacher.preprocess');
  });
});
