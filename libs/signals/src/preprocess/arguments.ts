/**
 * @module Argument checks shared by the preprocessing operations. Each check throws a
 * `SIGNAL_INVALID_ARGUMENT` {@link SignalsError} whose location names the offending argument.
 * Internal: not re-exported from the package barrel.
 */
import { SignalsError } from '../errors.js';

/** A read-only signal: any typed array or plain array of numbers. */
export type SignalLike = ArrayLike<number>;

/** Throws `SIGNAL_INVALID_ARGUMENT` naming `name`. */
export function invalidArgument(name: string, message: string, details: Record<string, unknown> = {}): never {
  throw new SignalsError('SIGNAL_INVALID_ARGUMENT', message, { path: name }, { argument: name, ...details });
}

/** Checks that `x` is an array-like of numbers (typed array or array). */
export function assertSignal(name: string, x: unknown): asserts x is SignalLike {
  if (ArrayBuffer.isView(x) && !(x instanceof DataView)) return;
  if (Array.isArray(x)) {
    for (let i = 0; i < x.length; i++) {
      if (typeof x[i] !== 'number') invalidArgument(name, `element ${i} is not a number`, { index: i });
    }
    return;
  }
  invalidArgument(name, 'must be a typed array or an array of numbers');
}

/** Checks that every sample of `x` is finite (no NaN, no ±Infinity). */
export function assertFiniteSignal(name: string, x: SignalLike): void {
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i])) {
      invalidArgument(name, `sample ${i} is ${x[i]}; fill missing values first`, { index: i });
    }
  }
}

/** Checks that `value` is an integer within `[min, max]`. */
export function assertInteger(name: string, value: unknown, min: number, max = Number.MAX_SAFE_INTEGER): asserts value is number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `in [${min}, ${max}]`;
    invalidArgument(name, `must be an integer ${range}, got ${String(value)}`, { value });
  }
}

/** Checks that `value` is a finite number within `[min, max]`. */
export function assertNumber(name: string, value: unknown, min = -Infinity, max = Infinity): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    invalidArgument(name, `must be a finite number in [${min}, ${max}], got ${String(value)}`, { value });
  }
}
