/**
 * @module Validation of raw skin conductance as a client sends it (JSON numbers or float32 bytes)
 * into a `Float32Array`: every failure is an {@link ApiError} naming the offending path. A missing
 * sample (`null` in JSON, NaN in float32) is kept as NaN where the caller allows it, for
 * preprocessing to interpolate and the quality checks to count.
 */
import { ApiError, type ApiErrorCode } from '../errors/api-error.js';

/** Largest finite float32; a JSON number beyond it would become Infinity on conversion. */
const FLOAT32_MAX = 3.4028234663852886e38;

/** Lowest and highest accepted sample rates, in Hz. */
export const SAMPLE_RATE_RANGE = { min: 1, max: 1024 } as const;

/** A validated window or recording: samples at `sampleRate` Hz. */
export interface RawWindow {
  readonly samples: Float32Array;
  readonly sampleRate: number;
}

/** Accepted sample counts for a window of `windowSeconds` at `sampleRate`. */
export interface LengthBounds {
  readonly min: number;
  readonly max: number;
}

/** The model window a raw window is checked against. */
export interface WindowSpec {
  readonly windowSeconds: number;
  /** Accepted deviation of a window's duration from `windowSeconds`, in seconds. */
  readonly toleranceSeconds: number;
}

/** How {@link parseSampleArray} bounds and reads an array. */
export interface SampleArrayOptions {
  /** Most samples accepted. */
  readonly max: number;
  /** The code answered beyond `max`. */
  readonly tooLong: ApiErrorCode;
  /** Accept `null` as a missing sample (NaN). */
  readonly allowMissing: boolean;
}

/**
 * The sample counts accepted for one window: its duration `n / sampleRate` must lie within
 * `windowSeconds ± toleranceSeconds` (the model's preprocessing tolerance).
 *
 * @example
 * windowLengthBounds(512, { windowSeconds: 5.5, toleranceSeconds: 0.5 }); // { min: 2560, max: 3072 }
 */
export function windowLengthBounds(sampleRate: number, spec: WindowSpec): LengthBounds {
  const min = Math.max(2, Math.ceil((spec.windowSeconds - spec.toleranceSeconds) * sampleRate - 1e-9));
  const max = Math.max(min, Math.floor((spec.windowSeconds + spec.toleranceSeconds) * sampleRate + 1e-9));
  return { min, max };
}

/**
 * Checks a sample rate: a finite number within {@link SAMPLE_RATE_RANGE}.
 *
 * @example
 * parseSampleRate(512, 'sampleRate'); // 512
 */
export function parseSampleRate(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ApiError('INVALID_SAMPLE_RATE', `${path} must be a number of Hz`, { path });
  }
  if (value < SAMPLE_RATE_RANGE.min || value > SAMPLE_RATE_RANGE.max) {
    throw new ApiError('INVALID_SAMPLE_RATE', `${path} must be between ${SAMPLE_RATE_RANGE.min} and ${SAMPLE_RATE_RANGE.max} Hz, got ${value}`, { path });
  }
  return value;
}

/**
 * Parses a sample rate given as text (a query parameter).
 *
 * @example
 * parseSampleRateText('128', 'query.sampleRate'); // 128
 */
export function parseSampleRateText(text: string | undefined, path: string): number {
  if (text === undefined || text.trim() === '') {
    throw new ApiError('INVALID_SAMPLE_RATE', `${path} is required`, { path });
  }
  return parseSampleRate(Number(text), path);
}

/**
 * Converts a JSON array of numbers to a `Float32Array`, rejecting non-arrays, empty or oversized
 * arrays, non-numbers, and numbers float32 cannot hold; `null` is a missing sample (NaN) when
 * allowed.
 *
 * @example
 * parseSampleArray([0.1, null], 'samples', { max: 10, tooLong: 'CHUNK_TOO_LARGE', allowMissing: true }); // Float32Array [0.1, NaN]
 */
export function parseSampleArray(value: unknown, path: string, options: SampleArrayOptions): Float32Array {
  if (!Array.isArray(value)) {
    throw new ApiError('INVALID_SAMPLES', `${path} must be an array of numbers`, { path });
  }
  if (value.length === 0) {
    throw new ApiError('INVALID_SAMPLES', `${path} is empty`, { path });
  }
  if (value.length > options.max) {
    throw new ApiError(options.tooLong, `${path} has ${value.length} samples; at most ${options.max} are accepted`, {
      path,
      details: { limit: options.max, length: value.length },
    });
  }
  const out = new Float32Array(value.length);
  for (let i = 0; i < value.length; i++) {
    const x: unknown = value[i];
    if (x === null && options.allowMissing) {
      out[i] = Number.NaN;
      continue;
    }
    if (typeof x !== 'number') {
      throw new ApiError('INVALID_SAMPLES', `${path}[${i}] must be a number${options.allowMissing ? ' or null (missing)' : ''}, got ${describe(x)}`, { path: `${path}[${i}]` });
    }
    if (!(x >= -FLOAT32_MAX && x <= FLOAT32_MAX)) {
      throw new ApiError('INVALID_SAMPLES', `${path}[${i}] is ${x}, which overflows float32 (largest finite magnitude 3.4e38)`, { path: `${path}[${i}]` });
    }
    out[i] = x;
  }
  return out;
}

/**
 * Reads little-endian float32 bytes into a `Float32Array`, rejecting a length that is not a
 * multiple of 4 and infinite values; NaN is a missing sample.
 *
 * @example
 * parseFloat32Bytes(new Uint8Array(new Float32Array([1, 2]).buffer), 'body'); // Float32Array [1, 2]
 */
export function parseFloat32Bytes(bytes: Uint8Array, path: string): Float32Array {
  if (bytes.byteLength === 0) {
    throw new ApiError('INVALID_SAMPLES', `${path} is empty`, { path });
  }
  if (bytes.byteLength % 4 !== 0) {
    throw new ApiError('INVALID_SAMPLES', `${path} has ${bytes.byteLength} bytes, not a multiple of 4 (float32)`, { path });
  }
  const n = bytes.byteLength / 4;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const x = view.getFloat32(i * 4, true);
    if (x === Number.POSITIVE_INFINITY || x === Number.NEGATIVE_INFINITY) {
      throw new ApiError('INVALID_SAMPLES', `${path}[${i}] is ${x}; send NaN for a missing sample`, { path: `${path}[${i}]` });
    }
    out[i] = x;
  }
  return out;
}

/**
 * Checks that a window's length matches the model window at its rate (see
 * {@link windowLengthBounds}).
 *
 * @example
 * checkWindowLength(2816, 512, { windowSeconds: 5.5, toleranceSeconds: 0.5 }, 'samples'); // ok; 100 would throw
 */
export function checkWindowLength(length: number, sampleRate: number, spec: WindowSpec, path: string): void {
  const { min, max } = windowLengthBounds(sampleRate, spec);
  if (length < min || length > max) {
    const seconds = (length / sampleRate).toFixed(3);
    throw new ApiError(
      'INVALID_WINDOW_LENGTH',
      `${path} is ${length < min ? 'too short' : 'too long'}: ${length} samples at ${sampleRate} Hz is ${seconds} s; ` +
        `the model window is ${spec.windowSeconds} ± ${spec.toleranceSeconds} s, so ${min}–${max} samples are accepted at this rate`,
      { path, details: { min, max, length } },
    );
  }
}

/**
 * Validates a JSON recording object `{ samples, sampleRate }` (any length; `null` = missing).
 *
 * @example
 * parseJsonRecording({ samples, sampleRate: 512 }, ''); // { samples: Float32Array, sampleRate: 512 }
 */
export function parseJsonRecording(value: unknown, path: string): RawWindow {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ApiError('BAD_REQUEST', `${path || 'body'} must be an object { samples, sampleRate }`, { path });
  }
  const record = value as Record<string, unknown>;
  const sampleRate = parseSampleRate(record['sampleRate'], join(path, 'sampleRate'));
  const samples = parseSampleArray(record['samples'], join(path, 'samples'), { max: Number.MAX_SAFE_INTEGER, tooLong: 'BODY_TOO_LARGE', allowMissing: true });
  return { samples, sampleRate };
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

function describe(x: unknown): string {
  if (x === null) return 'null';
  if (typeof x === 'string') return `a string`;
  if (Array.isArray(x)) return 'an array';
  return typeof x;
}
