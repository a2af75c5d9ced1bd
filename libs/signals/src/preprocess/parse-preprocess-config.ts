/**
 * @module Validation of an untrusted (JSON) preprocessing configuration: fills defaults for
 * missing fields, rejects unknown fields and bad values with `PREPROCESS_INVALID_CONFIG` errors
 * whose location is the JSON path (`$.smoothing.polyOrder`), and derives `windowSamples`.
 */
import { configFields, fieldOr } from '../config/config-fields.js';
import {
  DEFAULT_PREPROCESS_CONFIG,
  secondsToSamples,
  smoothingWindowLength,
  type PreprocessConfig,
} from './preprocess-config.js';

const { fail, object, merged, number, integer, oneOf, sampleRate: readSampleRate } = configFields('PREPROCESS_INVALID_CONFIG');

/**
 * Validates `input` (e.g. parsed JSON) into a {@link PreprocessConfig}. Missing fields, and
 * missing fields of nested objects, take their defaults from {@link DEFAULT_PREPROCESS_CONFIG};
 * `outliers` and `smoothing` may be `null` to switch the step off; `windowSamples` may be given
 * but must equal `round(windowSeconds × sampleRate)`.
 *
 * @param path - JSON path of `input` in its document, used in error locations (default `$`; e.g.
 *   `$.teacher.view.preprocess` when the config is nested).
 * @throws SignalsError `PREPROCESS_INVALID_CONFIG` whose `location.path` (also in `details.path`)
 *   is the JSON path of the first bad field, e.g. `$.smoothing.polyOrder`.
 *
 * @example
 * const config = parsePreprocessConfig(JSON.parse('{"normalization":{"scope":"subject"}}'));
 * config.windowSamples; // 176
 */
export function parsePreprocessConfig(input: unknown = {}, path = '$'): PreprocessConfig {
  const keys = Object.keys(DEFAULT_PREPROCESS_CONFIG);
  const root = object(input, path, keys);
  const field = (key: keyof PreprocessConfig): unknown => fieldOr(root, DEFAULT_PREPROCESS_CONFIG, key);

  const sampleRate = readSampleRate(field('sampleRate'), `${path}.sampleRate`);
  const windowSeconds = number(field('windowSeconds'), `${path}.windowSeconds`, 0, 3600, true);
  const windowSamples = secondsToSamples(windowSeconds, sampleRate);
  if (windowSamples < 1) fail(`${path}.windowSeconds`, `gives ${windowSamples} samples at ${sampleRate} Hz`, windowSeconds);
  if ('windowSamples' in root && root.windowSamples !== undefined && root.windowSamples !== windowSamples) {
    fail(`${path}.windowSamples`, `must equal round(windowSeconds × sampleRate) = ${windowSamples}`, root.windowSamples);
  }

  const missingIn = merged(field('missing'), DEFAULT_PREPROCESS_CONFIG.missing, `${path}.missing`, ['maxMissingFraction']);
  const missing = { maxMissingFraction: number(missingIn.maxMissingFraction, `${path}.missing.maxMissingFraction`, 0, 1) };

  const outliersValue = field('outliers');
  let outliers: PreprocessConfig['outliers'] = null;
  if (outliersValue !== null) {
    const given = merged(outliersValue, DEFAULT_PREPROCESS_CONFIG.outliers, `${path}.outliers`, ['zThreshold']);
    outliers = { zThreshold: number(given.zThreshold, `${path}.outliers.zThreshold`, 0, 1e6, true) };
  }

  const resamplingIn = merged(field('resampling'), DEFAULT_PREPROCESS_CONFIG.resampling, `${path}.resampling`, ['padType']);
  const resampling = { padType: oneOf(resamplingIn.padType, `${path}.resampling.padType`, ['constant', 'edge', 'mean'] as const) };

  const lengthIn = merged(field('length'), DEFAULT_PREPROCESS_CONFIG.length, `${path}.length`, ['padMode', 'toleranceSeconds']);
  const length = {
    padMode: oneOf(lengthIn.padMode, `${path}.length.padMode`, ['edge', 'zeros'] as const),
    toleranceSeconds: number(lengthIn.toleranceSeconds, `${path}.length.toleranceSeconds`, 0, 1e6),
  };

  const smoothingValue = field('smoothing');
  let smoothing: PreprocessConfig['smoothing'] = null;
  if (smoothingValue !== null) {
    const given = merged(smoothingValue, DEFAULT_PREPROCESS_CONFIG.smoothing, `${path}.smoothing`, ['windowSeconds', 'polyOrder']);
    const smoothingSeconds = number(given.windowSeconds, `${path}.smoothing.windowSeconds`, 0, windowSeconds, true);
    const polyOrder = integer(given.polyOrder, `${path}.smoothing.polyOrder`, 0, 64);
    const windowLength = smoothingWindowLength(smoothingSeconds, sampleRate);
    if (windowLength > windowSamples) {
      fail(`${path}.smoothing.windowSeconds`, `gives ${windowLength} samples, more than the ${windowSamples}-sample window`, smoothingSeconds);
    }
    if (polyOrder >= windowLength) {
      fail(`${path}.smoothing.polyOrder`, `must be < the smoothing window of ${windowLength} samples`, polyOrder);
    }
    smoothing = { windowSeconds: smoothingSeconds, polyOrder };
  }

  const normalizationIn = merged(field('normalization'), DEFAULT_PREPROCESS_CONFIG.normalization, `${path}.normalization`, ['method', 'scope']);
  const normalization = {
    method: oneOf(normalizationIn.method, `${path}.normalization.method`, ['zscore', 'minmax', 'none'] as const),
    scope: oneOf(normalizationIn.scope, `${path}.normalization.scope`, ['window', 'subject'] as const),
  };

  return { sampleRate, windowSeconds, windowSamples, missing, outliers, resampling, length, smoothing, normalization };
}
