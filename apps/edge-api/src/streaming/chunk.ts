/**
 * @module Validation of one streamed chunk `{ seq, samples }` (an NDJSON line or a session POST).
 */
import { ApiError } from '../errors/api-error.js';
import { parseSampleArray } from '../validation/parse-window.js';

/** A validated chunk. */
export interface StreamChunk {
  readonly seq: number;
  readonly samples: Float32Array;
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

/**
 * Checks a `seq`: an integer from 0 to 2^53 − 1.
 *
 * @example
 * parseSeq(3, 'seq'); // 3
 */
export function parseSeq(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new ApiError('BAD_REQUEST', `${path} must be a non-negative integer`, { path });
  }
  return value;
}

/**
 * Validates `{ seq, samples }` with at most `maxSamples` samples (413 `CHUNK_TOO_LARGE` beyond;
 * `null` is a missing sample).
 *
 * @example
 * parseChunk({ seq: 0, samples: [1, 2] }, '', 1000); // { seq: 0, samples: Float32Array [1, 2] }
 */
export function parseChunk(value: unknown, path: string, maxSamples: number): StreamChunk {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ApiError('BAD_REQUEST', `${path || 'body'} must be an object { seq, samples }`, { path });
  }
  const record = value as Record<string, unknown>;
  const seq = parseSeq(record['seq'], join(path, 'seq'));
  const samples = parseSampleArray(record['samples'], join(path, 'samples'), { max: maxSamples, tooLong: 'CHUNK_TOO_LARGE', allowMissing: true });
  return { seq, samples };
}
