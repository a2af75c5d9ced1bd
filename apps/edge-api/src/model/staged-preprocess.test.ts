/** @module The staged preprocessing equals `preprocessWindow` bit for bit, and times both stages. */
import { DEFAULT_PREPROCESS_CONFIG, mulberry32, parsePreprocessConfig, preprocessWindow } from '@painkd/signals';
import { describe, expect, it } from 'vitest';
import { emptyTimings } from './predictor.js';
import { stagedPreprocess } from './staged-preprocess.js';

describe('stagedPreprocess', () => {
  it('equals preprocessWindow for every rate and config variant', () => {
    const rand = mulberry32(5);
    const configs = [
      DEFAULT_PREPROCESS_CONFIG,
      parsePreprocessConfig({ smoothing: null, outliers: null, normalization: { method: 'minmax', scope: 'window' } }),
    ];
    for (const config of configs) {
      for (const rate of [1, 4, 7.5, 32, 128, 512, 1024]) {
        const n = Math.round(5.5 * rate) + (rate > 4 ? 3 : 0);
        const x = Float32Array.from({ length: n }, (_, i) => 3 + Math.sin(i / (rate + 1)) + (rand() - 0.5) * 0.2 + (i === 2 ? 40 : 0));
        const timings = emptyTimings();
        const staged = stagedPreprocess(x, rate, config, timings);
        expect(Array.from(staged)).toEqual(Array.from(preprocessWindow(x, rate, config)));
        expect(staged).toHaveLength(config.windowSamples);
        expect(timings.resample).toBeGreaterThan(0);
        expect(timings.filter).toBeGreaterThan(0);
      }
    }
  });
  it('rejects a window outside the duration tolerance as a 400', () => {
    expect(() => stagedPreprocess(new Float32Array(10), 512, DEFAULT_PREPROCESS_CONFIG, emptyTimings())).toThrow(/expected 5.5 ± 0.5 s/);
  });
});
