/**
 * @module `preprocessWindow` of @painkd/signals split into two timed stages — "resample" (fill,
 * clip, resample, pad at the input rate) and "filter" (Savitzky–Golay smoothing and normalisation
 * at the model rate) — so the API can say where the time goes. A test holds it bit-equal to
 * `preprocessWindow`.
 */
import {
  clipOutliers,
  fillMissing,
  normalizeSignal,
  padOrTruncate,
  resample,
  savitzkyGolay,
  smoothingWindowLength,
  type PreprocessConfig,
} from '@painkd/signals';
import { ApiError } from '../errors/api-error.js';
import type { StageTimings } from './predictor.js';

/**
 * Preprocesses one validated raw window into model input, adding stage times to `timings`.
 * The duration check of `preprocessWindow` is the caller's (the API checks it with a path).
 *
 * @example
 * const input = stagedPreprocess(samples, 512, DEFAULT_PREPROCESS_CONFIG, emptyTimings()); // 176 values
 */
export function stagedPreprocess(samples: Float32Array, sampleRate: number, config: PreprocessConfig, timings: StageTimings): Float32Array {
  const seconds = samples.length / sampleRate;
  if (!(Math.abs(seconds - config.windowSeconds) <= config.length.toleranceSeconds)) {
    throw new ApiError(
      'INVALID_WINDOW_LENGTH',
      `${samples.length} samples at ${sampleRate} Hz last ${seconds} s; expected ${config.windowSeconds} ± ${config.length.toleranceSeconds} s`,
      { path: 'samples' },
    );
  }
  const t0 = performance.now();
  let x = fillMissing(samples, config.missing);
  if (config.outliers !== null) x = clipOutliers(x, config.outliers);
  x = resample(x, sampleRate, config.sampleRate, config.resampling);
  x = padOrTruncate(x, config.windowSamples, { mode: config.length.padMode });
  const t1 = performance.now();
  if (config.smoothing !== null) {
    x = savitzkyGolay(x, smoothingWindowLength(config.smoothing.windowSeconds, config.sampleRate), config.smoothing.polyOrder);
  }
  const out = Float32Array.from(normalizeSignal(x, config.normalization));
  const t2 = performance.now();
  timings.resample += t1 - t0;
  timings.filter += t2 - t1;
  return out;
}
