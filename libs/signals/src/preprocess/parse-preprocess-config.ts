/**
 * @module Validation of an untrusted (JSON) preprocessing configuration: fills defaults for
 * missing fields, rejects unknown fields and bad values with `PREPROCESS_INVALID_CONFIG` errors
 * whose location is the JSON path (`$.smoothing.polyOrder`), and derives `windowSamples`.
 */
import { SignalsError } from '../errors.js';
import {
  DEFAULT_PREPROCESS_CONFIG,
  secondsToSamples,
  smoothingWindowLength,
  type PreprocessConfig,
} from './preprocess-config.js';
import { MAX_SAMPLE_RATE_HZ, MIN_SAMPLE_RATE_HZ, resampleFactors } from './resample-factors.js';

type Json = Record<string, unknown>;

function fail(path: string, message: string, value?: unknown): never {
  throw new SignalsError('PREPROCESS_INVALID_CONFIG', message, { path }, { path, value });
}

function object(value: unknown, path: string, keys: readonly string[]): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, 'must be an object', value);
  for (const key of Object.keys(value)) {
    if (!keys.includes(key)) fail(`${path}.${key}`, `unknown field (expected one of: ${keys.join(', ')})`);
  }
  return value as Json;
}

function number(value: unknown, path: string, min: number, max: number, minExclusive = false): number {
  const ok = typeof value === 'number' && Number.isFinite(value) && (minExclusive ? value > min : value >= min) && value <= max;
  if (!ok) fail(path, `must be a number in ${minExclusive ? '(' : '['}${min}, ${max}], got ${JSON.stringify(value)}`, value);
  return value as number;
}

function integer(value: unknown, path: string, min: number, max: number): number {
  const n = number(value, path, min, max);
  if (!Number.isInteger(n)) fail(path, `must be an integer, got ${n}`, value);
  return n;
}

function oneOf<T extends string>(value: unknown, path: string, options: readonly T[]): T {
  if (typeof value !== 'string' || !options.includes(value as T)) {
    fail(path, `must be one of ${options.map((o) => `'${o}'`).join(', ')}, got ${JSON.stringify(value)}`, value);
  }
  return value as T;
}

/** The field of `input` if present, otherwise the default. */
function field<K extends keyof PreprocessConfig>(input: Json, key: K): unknown {
  return key in input && input[key] !== undefined ? input[key] : DEFAULT_PREPROCESS_CONFIG[key];
}

function nested(value: unknown, fallback: object | null, path: string, keys: readonly string[]): Json {
  const given = object(value, path, keys);
  return { ...(fallback ?? {}), ...given };
}

/**
 * Validates `input` (e.g. parsed JSON) into a {@link PreprocessConfig}. Missing fields, and
 * missing fields of nested objects, take their defaults from {@link DEFAULT_PREPROCESS_CONFIG};
 * `outliers` and `smoothing` may be `null` to switch the step off; `windowSamples` may be given
 * but must equal `round(windowSeconds × sampleRate)`.
 *
 * @throws SignalsError `PREPROCESS_INVALID_CONFIG` whose `location.path` (also in `details.path`)
 *   is the JSON path of the first bad field, e.g. `$.smoothing.polyOrder`.
 *
 * @example
 * const config = parsePreprocessConfig(JSON.parse('{"normalization":{"scope":"subject"}}'));
 * config.windowSamples; // 176
 */
export function parsePreprocessConfig(input: unknown = {}): PreprocessConfig {
  const keys = Object.keys(DEFAULT_PREPROCESS_CONFIG);
  const root = object(input, '$', keys);

  const sampleRate = number(field(root, 'sampleRate'), '$.sampleRate', MIN_SAMPLE_RATE_HZ, MAX_SAMPLE_RATE_HZ);
  try {
    resampleFactors(sampleRate, sampleRate);
  } catch (error) {
    fail('$.sampleRate', error instanceof Error ? error.message : String(error), sampleRate);
  }
  const windowSeconds = number(field(root, 'windowSeconds'), '$.windowSeconds', 0, 3600, true);
  const windowSamples = secondsToSamples(windowSeconds, sampleRate);
  if (windowSamples < 1) fail('$.windowSeconds', `gives ${windowSamples} samples at ${sampleRate} Hz`, windowSeconds);
  if ('windowSamples' in root && root.windowSamples !== undefined && root.windowSamples !== windowSamples) {
    fail('$.windowSamples', `must equal round(windowSeconds × sampleRate) = ${windowSamples}`, root.windowSamples);
  }

  const missingIn = nested(field(root, 'missing'), DEFAULT_PREPROCESS_CONFIG.missing, '$.missing', ['maxMissingFraction']);
  const missing = { maxMissingFraction: number(missingIn.maxMissingFraction, '$.missing.maxMissingFraction', 0, 1) };

  const outliersValue = field(root, 'outliers');
  let outliers: PreprocessConfig['outliers'] = null;
  if (outliersValue !== null) {
    const given = nested(outliersValue, DEFAULT_PREPROCESS_CONFIG.outliers, '$.outliers', ['zThreshold']);
    outliers = { zThreshold: number(given.zThreshold, '$.outliers.zThreshold', 0, 1e6, true) };
  }

  const resamplingIn = nested(field(root, 'resampling'), DEFAULT_PREPROCESS_CONFIG.resampling, '$.resampling', ['padType']);
  const resampling = { padType: oneOf(resamplingIn.padType, '$.resampling.padType', ['constant', 'edge', 'mean'] as const) };

  const lengthIn = nested(field(root, 'length'), DEFAULT_PREPROCESS_CONFIG.length, '$.length', ['padMode', 'toleranceSeconds']);
  const length = {
    padMode: oneOf(lengthIn.padMode, '$.length.padMode', ['edge', 'zeros'] as const),
    toleranceSeconds: number(lengthIn.toleranceSeconds, '$.length.toleranceSeconds', 0, 1e6),
  };

  const smoothingValue = field(root, 'smoothing');
  let smoothing: PreprocessConfig['smoothing'] = null;
  if (smoothingValue !== null) {
    const given = nested(smoothingValue, DEFAULT_PREPROCESS_CONFIG.smoothing, '$.smoothing', ['windowSeconds', 'polyOrder']);
    const smoothingSeconds = number(given.windowSeconds, '$.smoothing.windowSeconds', 0, windowSeconds, true);
    const polyOrder = integer(given.polyOrder, '$.smoothing.polyOrder', 0, 64);
    const windowLength = smoothingWindowLength(smoothingSeconds, sampleRate);
    if (windowLength > windowSamples) {
      fail('$.smoothing.windowSeconds', `gives ${windowLength} samples, more than the ${windowSamples}-sample window`, smoothingSeconds);
    }
    if (polyOrder >= windowLength) {
      fail('$.smoothing.polyOrder', `must be < the smoothing window of ${windowLength} samples`, polyOrder);
    }
    smoothing = { windowSeconds: smoothingSeconds, polyOrder };
  }

  const normalizationIn = nested(field(root, 'normalization'), DEFAULT_PREPROCESS_CONFIG.normalization, '$.normalization', ['method', 'scope']);
  const normalization = {
    method: oneOf(normalizationIn.method, '$.normalization.method', ['zscore', 'minmax', 'none'] as const),
    scope: oneOf(normalizationIn.scope, '$.normalization.scope', ['window', 'subject'] as const),
  };

  return { sampleRate, windowSeconds, windowSamples, missing, outliers, resampling, length, smoothing, normalization };
}
