import { describe, expect, it } from 'vitest';
import { errorAt } from '../testing/error-at.js';
import { clipOutliers } from './clip-outliers.js';
import { fillMissing } from './fill-missing.js';
import { parsePreprocessConfig } from './parse-preprocess-config.js';
import { DEFAULT_PREPROCESS_CONFIG } from './preprocess-config.js';
import { assertWindowDuration, preprocessWindow, shapeWindow } from './preprocess-window.js';
import { resample } from './resample.js';
import { savitzkyGolay } from './savitzky-golay.js';
import { zScoreNormalize } from './z-score-normalize.js';

/** A GSR-like 5.5-s window at `rate`: µS level, drift, one response, a little noise. */
function gsrWindow(rate: number, seconds = 5.5): Float32Array {
  return Float32Array.from({ length: Math.round(rate * seconds) }, (_, i) => {
    const t = i / rate;
    const response = t > 2 ? 0.6 * (1 - Math.exp(-(t - 2) / 0.6)) * Math.exp(-(t - 2) / 4) : 0;
    return 7 + 0.04 * t + response + 0.005 * Math.sin(2 * Math.PI * 9 * t) + 0.003 * Math.sin(i * 1.7);
  });
}

describe('preprocessWindow', () => {
  it('turns a 512 Hz BioVid window into 176 z-scored Float32 samples', () => {
    const y = preprocessWindow(gsrWindow(512), 512, DEFAULT_PREPROCESS_CONFIG);
    expect(y).toBeInstanceOf(Float32Array);
    expect(y.length).toBe(176);
    const mean = y.reduce((s, v) => s + v, 0) / y.length;
    const sd = Math.sqrt(y.reduce((s, v) => s + (v - mean) ** 2, 0) / y.length);
    expect(Math.abs(mean)).toBeLessThan(1e-6);
    expect(sd).toBeCloseTo(1, 5);
  });

  it('runs fill → clip → resample → pad → smooth → normalise, in that order', () => {
    const x = gsrWindow(512);
    x[100] = Number.NaN;
    x[900] = 40; // an electrode pop
    const config = DEFAULT_PREPROCESS_CONFIG;
    let expected = fillMissing(x, config.missing);
    expected = clipOutliers(expected, { zThreshold: 4 });
    expected = resample(expected, 512, 32, { padType: 'edge' });
    expected = savitzkyGolay(expected, 17, 2);
    const want = Float32Array.from(zScoreNormalize(expected));
    expect(Array.from(preprocessWindow(x, 512, config))).toEqual(Array.from(want));
  });

  it('gives the same window from other source rates (a 4 Hz wearable, 128 Hz)', () => {
    const reference = preprocessWindow(gsrWindow(512), 512, DEFAULT_PREPROCESS_CONFIG);
    for (const rate of [128, 4]) {
      const y = preprocessWindow(gsrWindow(rate), rate, DEFAULT_PREPROCESS_CONFIG);
      expect(y.length).toBe(176);
      // Same underlying signal, so the model inputs agree closely away from the edges.
      let worst = 0;
      for (let i = 24; i < 152; i++) worst = Math.max(worst, Math.abs(y[i] - reference[i]));
      expect(worst).toBeLessThan(rate === 4 ? 0.25 : 0.05);
    }
  });

  it('pads a slightly short window and truncates a slightly long one', () => {
    expect(preprocessWindow(gsrWindow(512, 5.4), 512, DEFAULT_PREPROCESS_CONFIG).length).toBe(176);
    expect(preprocessWindow(gsrWindow(512, 5.9), 512, DEFAULT_PREPROCESS_CONFIG).length).toBe(176);
  });

  it('rejects a window whose duration is out of tolerance, naming samples', () => {
    expect(errorAt(() => preprocessWindow(gsrWindow(512, 4), 512, DEFAULT_PREPROCESS_CONFIG))).toBe('SIGNAL_INVALID_ARGUMENT@samples');
  });

  it('gives zeros, never NaN, for a flat window (both methods)', () => {
    const flat = new Float32Array(2816).fill(5);
    expect(preprocessWindow(flat, 512, DEFAULT_PREPROCESS_CONFIG).every((v) => v === 0)).toBe(true);
    const minmax = parsePreprocessConfig({ normalization: { method: 'minmax' } });
    expect(preprocessWindow(flat, 512, minmax).every((v) => v === 0)).toBe(true);
  });

  it('rejects windows with too much missing data', () => {
    const x = gsrWindow(512);
    x.fill(Number.NaN, 0, 1000);
    expect(errorAt(() => preprocessWindow(x, 512, DEFAULT_PREPROCESS_CONFIG))).toBe('SIGNAL_TOO_MUCH_MISSING@');
  });

  it('needs subject statistics for the subject scope and uses them', () => {
    const config = parsePreprocessConfig({ normalization: { scope: 'subject' } });
    expect(errorAt(() => preprocessWindow(gsrWindow(512), 512, config))).toBe('SIGNAL_INVALID_ARGUMENT@subjectStats');
    const shaped = shapeWindow(gsrWindow(512), 512, config);
    const y = preprocessWindow(gsrWindow(512), 512, config, { mean: 7, sd: 0.5, min: 6, max: 8, count: 1 });
    expect(y[10]).toBeCloseTo((shaped[10] - 7) / 0.5, 5);
  });

  it('skips optional steps when switched off', () => {
    const config = parsePreprocessConfig({ outliers: null, smoothing: null, normalization: { method: 'none' } });
    const x = gsrWindow(512);
    const y = preprocessWindow(x, 512, config);
    const want = Float32Array.from(resample(x, 512, 32, { padType: 'edge' }));
    expect(Array.from(y)).toEqual(Array.from(want));
  });
});

describe('shapeWindow with a path', () => {
  const x = new Float64Array(2816).fill(5);
  it('names the signal in duration and missing-value errors, and changes no value', () => {
    const holes = Float64Array.from(x).fill(Number.NaN, 0, 1000);
    expect(errorAt(() => shapeWindow(x.subarray(0, 1000), 512, DEFAULT_PREPROCESS_CONFIG, 'recording.channels.gsr'))).toBe(
      'SIGNAL_INVALID_ARGUMENT@recording.channels.gsr',
    );
    expect(errorAt(() => shapeWindow(holes, 512, DEFAULT_PREPROCESS_CONFIG, 'recording.channels.gsr'))).toBe('SIGNAL_TOO_MUCH_MISSING@recording.channels.gsr');
    expect(errorAt(() => shapeWindow(holes, 512, DEFAULT_PREPROCESS_CONFIG))).toBe('SIGNAL_TOO_MUCH_MISSING@');
    expect(shapeWindow(x, 512, DEFAULT_PREPROCESS_CONFIG, 'recording.channels.gsr')).toEqual(shapeWindow(x, 512, DEFAULT_PREPROCESS_CONFIG));
  });
});

describe('assertWindowDuration', () => {
  it('accepts windowSeconds ± toleranceSeconds and names the path otherwise', () => {
    expect(() => assertWindowDuration(new Float64Array(2816 + 255), 512, DEFAULT_PREPROCESS_CONFIG, 'x')).not.toThrow();
    expect(errorAt(() => assertWindowDuration(new Float64Array(2816 + 257), 512, DEFAULT_PREPROCESS_CONFIG, 'recording.channels.emg_trapezius'))).toBe(
      'SIGNAL_INVALID_ARGUMENT@recording.channels.emg_trapezius',
    );
    expect(errorAt(() => assertWindowDuration('abc', 512, DEFAULT_PREPROCESS_CONFIG, 'y'))).toBe('SIGNAL_INVALID_ARGUMENT@y');
  });
});
