import { describe, expect, it } from 'vitest';
import { DEFAULT_PREPROCESS_CONFIG, secondsToSamples, smoothingWindowLength } from './preprocess-config.js';

describe('DEFAULT_PREPROCESS_CONFIG', () => {
  it('is 5.5-s windows at 32 Hz, i.e. 176 samples', () => {
    expect(DEFAULT_PREPROCESS_CONFIG.sampleRate).toBe(32);
    expect(DEFAULT_PREPROCESS_CONFIG.windowSeconds).toBe(5.5);
    expect(DEFAULT_PREPROCESS_CONFIG.windowSamples).toBe(secondsToSamples(5.5, 32));
    expect(DEFAULT_PREPROCESS_CONFIG.normalization).toEqual({ method: 'zscore', scope: 'window' });
  });

  it('round-trips through JSON unchanged and is frozen', () => {
    expect(JSON.parse(JSON.stringify(DEFAULT_PREPROCESS_CONFIG))).toEqual(DEFAULT_PREPROCESS_CONFIG);
    expect(Object.isFrozen(DEFAULT_PREPROCESS_CONFIG)).toBe(true);
    expect(Object.isFrozen(DEFAULT_PREPROCESS_CONFIG.normalization)).toBe(true);
  });
});

describe('derived sample counts', () => {
  it('converts seconds to whole samples', () => {
    expect(secondsToSamples(5.5, 512)).toBe(2816);
    expect(secondsToSamples(5.5, 4)).toBe(22);
  });

  it('gives odd smoothing windows', () => {
    expect(smoothingWindowLength(0.5, 32)).toBe(17);
    expect(smoothingWindowLength(0.47, 32)).toBe(15);
    expect(smoothingWindowLength(0.1, 4)).toBe(1);
    expect(smoothingWindowLength(0.3, 10)).toBe(3);
  });
});
