/**
 * @module The bound on how much work one streamed chunk can make: the windows it would complete
 * (at a low rate, a chunk of many samples completes one window per hop).
 */
import { ApiError } from '../errors/api-error.js';
import type { WindowStream } from './window-stream.js';

/**
 * Throws 413 `CHUNK_TOO_LARGE` when a chunk of `samples` samples would complete more than
 * `maxWindows` windows of `stream`.
 *
 * @example
 * checkChunkWindows(stream, chunk.samples.length, limits.maxWindowsPerRequest, 'samples');
 */
export function checkChunkWindows(stream: WindowStream, samples: number, maxWindows: number, path: string): void {
  const windows = stream.windowsCompletedBy(samples);
  if (windows > maxWindows) throw chunkTooLarge(windows, maxWindows, path);
}

/**
 * The 413 `CHUNK_TOO_LARGE` of a chunk that would complete `windows` windows, more than `maxWindows`
 * (for stores that count windows themselves, such as the Redis session store).
 *
 * @example
 * throw chunkTooLarge(600, 512, 'samples');
 */
export function chunkTooLarge(windows: number, maxWindows: number, path: string): ApiError {
  return new ApiError('CHUNK_TOO_LARGE', `${path} would complete ${windows} windows; at most ${maxWindows} per chunk — send smaller chunks`, {
    path,
    details: { windows, limit: maxWindows },
  });
}
