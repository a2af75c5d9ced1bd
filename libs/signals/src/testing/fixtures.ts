/** @module Test support: the committed scipy fixtures and the error measure they are judged by. */
import { readFileSync } from 'node:fs';

/**
 * Reads `libs/signals/fixtures/<name>` (made by `fixtures/make-fixtures.py`).
 *
 * @example
 * const { cases } = readFixture<{ cases: SavgolCase[] }>('savgol.json');
 */
export function readFixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8')) as T;
}

/**
 * max |actual − expected| relative to max |expected|.
 *
 * @example
 * relativeError([1, 2.000001], [1, 2]); // 5e-7
 */
export function relativeError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < expected.length; i++) {
    diff = Math.max(diff, Math.abs(actual[i]! - expected[i]!));
    scale = Math.max(scale, Math.abs(expected[i]!));
  }
  return diff / Math.max(scale, Number.MIN_VALUE);
}
