/**
 * @module Readers for untrusted (JSON) configuration fields, shared by every config parser of
 * @painkd/signals (preprocessing, views, wearable): each check throws a {@link SignalsError} with
 * the parser's code whose location is the JSON path of the bad field (`$.smoothing.polyOrder`).
 */
import { SignalsError, type SignalsErrorCode } from '../errors.js';
import { MAX_SAMPLE_RATE_HZ, MIN_SAMPLE_RATE_HZ, resampleFactors } from '../preprocess/resample-factors.js';

/** A parsed JSON object. */
export type JsonObject = Record<string, unknown>;

/** Field readers bound to one error code; see {@link configFields}. */
export interface ConfigFields {
  /** Throws the bound code at `path`, with `value` in `details`. */
  fail(path: string, message: string, value?: unknown): never;
  /** A plain object whose keys are all in `keys` (an unknown key is reported at its own path). */
  object(value: unknown, path: string, keys: readonly string[]): JsonObject;
  /** `fallback`'s fields overridden by those of the object `value` (checked as by `object`). */
  merged(value: unknown, fallback: object | null, path: string, keys: readonly string[]): JsonObject;
  /** A finite number in `[min, max]` (`(min, max]` when `minExclusive`). */
  number(value: unknown, path: string, min: number, max: number, minExclusive?: boolean): number;
  /** An integer in `[min, max]`. */
  integer(value: unknown, path: string, min: number, max: number): number;
  /** One of `options`. */
  oneOf<T extends string>(value: unknown, path: string, options: readonly T[]): T;
  /** `true` or `false`. */
  boolean(value: unknown, path: string): boolean;
  /** A sampling rate the resampler accepts: 1–1024 Hz, a fraction with denominator ≤ 1000. */
  sampleRate(value: unknown, path: string): number;
}

/**
 * Field readers that report failures as `code`.
 *
 * @example
 * const { object, number } = configFields('PREPROCESS_INVALID_CONFIG');
 * const root = object(input, '$', ['sampleRate']);
 * const sampleRate = number(root.sampleRate ?? 32, '$.sampleRate', 1, 1024);
 */
export function configFields(code: SignalsErrorCode): ConfigFields {
  const fail = (path: string, message: string, value?: unknown): never => {
    throw new SignalsError(code, message, { path }, { path, value });
  };
  const object = (value: unknown, path: string, keys: readonly string[]): JsonObject => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, 'must be an object', value);
    for (const key of Object.keys(value as object)) {
      if (!keys.includes(key)) fail(`${path}.${key}`, `unknown field (expected one of: ${keys.join(', ')})`);
    }
    return value as JsonObject;
  };
  const number = (value: unknown, path: string, min: number, max: number, minExclusive = false): number => {
    const ok = typeof value === 'number' && Number.isFinite(value) && (minExclusive ? value > min : value >= min) && value <= max;
    if (!ok) fail(path, `must be a number in ${minExclusive ? '(' : '['}${min}, ${max}], got ${JSON.stringify(value)}`, value);
    return value as number;
  };
  return {
    fail,
    object,
    merged: (value, fallback, path, keys) => ({ ...(fallback ?? {}), ...object(value, path, keys) }),
    number,
    integer: (value, path, min, max) => {
      const n = number(value, path, min, max);
      if (!Number.isInteger(n)) fail(path, `must be an integer, got ${n}`, value);
      return n;
    },
    oneOf: <T extends string>(value: unknown, path: string, options: readonly T[]): T => {
      if (typeof value !== 'string' || !options.includes(value as T)) {
        fail(path, `must be one of ${options.map((o) => `'${o}'`).join(', ')}, got ${JSON.stringify(value)}`, value);
      }
      return value as T;
    },
    boolean: (value, path) => {
      if (typeof value !== 'boolean') fail(path, `must be true or false, got ${JSON.stringify(value)}`, value);
      return value as boolean;
    },
    sampleRate: (value, path) => {
      const rate = number(value, path, MIN_SAMPLE_RATE_HZ, MAX_SAMPLE_RATE_HZ);
      try {
        resampleFactors(rate, rate);
      } catch (error) {
        fail(path, error instanceof Error ? error.message : String(error), rate);
      }
      return rate;
    },
  };
}

/**
 * The field `key` of `input` when present and not `undefined`, else `fallback[key]`.
 *
 * @example
 * fieldOr({ a: 1 }, { a: 0, b: 2 }, 'b'); // 2
 */
export function fieldOr<T extends object>(input: JsonObject, fallback: T, key: keyof T & string): unknown {
  return key in input && input[key] !== undefined ? input[key] : fallback[key];
}
