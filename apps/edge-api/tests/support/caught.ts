/** @module Test support: the {@link ApiError} a call threw, for assertions on code, status, path and message. */
import { ApiError } from '../../src/errors/api-error.js';

/**
 * Runs `fn` and returns the ApiError it threw; rethrows anything else and fails when it did not throw.
 *
 * @example
 * expect(caughtApiError(() => cutRecording(x, 4, spec, 10, 'samples')).code).toBe('TOO_MANY_WINDOWS');
 */
export function caughtApiError(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected an ApiError');
}
