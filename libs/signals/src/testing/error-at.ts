/** @module Test support: what a call threw, as `CODE@path`, for compact assertions on coded errors. */
import { SignalsError } from '../errors.js';

/**
 * Runs `fn` and returns `CODE@path` of the {@link SignalsError} it threw (`path` empty when the
 * error has none), `'other'` for any other throw, `undefined` when it did not throw.
 *
 * @example
 * expect(errorAt(() => resample(x, 0, 32))).toBe('SIGNAL_INVALID_ARGUMENT@fromHz');
 */
export function errorAt(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof SignalsError ? `${error.code}@${error.location.path ?? ''}` : 'other';
  }
  return undefined;
}

/**
 * Runs `fn` and returns the {@link SignalsError} it threw; rethrows anything else and fails
 * when it did not throw.
 *
 * @example
 * expect(caught(() => fillMissing(allNaN)).code).toBe('SIGNAL_TOO_MUCH_MISSING');
 */
export function caught(fn: () => unknown): SignalsError {
  try {
    fn();
  } catch (error) {
    if (error instanceof SignalsError) return error;
    throw error;
  }
  throw new Error('expected a SignalsError');
}
