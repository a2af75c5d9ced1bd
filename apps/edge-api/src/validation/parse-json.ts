/**
 * @module Decoding a JSON request body: UTF-8 bytes to a value, malformed input to a 400 that
 * says where parsing stopped.
 */
import { ApiError } from '../errors/api-error.js';

/**
 * Parses UTF-8 JSON bytes; an empty or malformed body is a 400 `MALFORMED_JSON`.
 *
 * @example
 * parseJsonBytes(new TextEncoder().encode('{"a":1}'), 'body'); // { a: 1 }
 */
export function parseJsonBytes(bytes: Uint8Array, path: string): unknown {
  if (bytes.byteLength === 0) throw new ApiError('MALFORMED_JSON', `${path} is empty; expected JSON`, { path });
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return parseJsonText(text, path);
}

/**
 * Parses JSON text; malformed input is a 400 `MALFORMED_JSON` quoting the parser's reason.
 *
 * @example
 * parseJsonText('[1,2]', 'line 3'); // [1, 2]
 */
export function parseJsonText(text: string, path: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'invalid JSON';
    throw new ApiError('MALFORMED_JSON', `${path} is not valid JSON: ${reason}`, { path });
  }
}
