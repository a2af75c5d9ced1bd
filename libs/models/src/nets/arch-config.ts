/** @module Reading an architecture's JSON config against typed defaults, with coded errors. */
import { NetError } from './net-error.js';

type ConfigValue = number | readonly number[];

/**
 * Merges `given` over `defaults`, checking that every key is known and every value has the
 * default's type (number or array of numbers) and is finite and non-negative. Returns the
 * resolved config, keys in the defaults' order.
 *
 * @example
 * const c = readArchConfig('student-tiny', { filters: [16, 24, 32], dropout: 0.1 }, { dropout: 0.2 });
 */
export function readArchConfig<T extends Record<string, ConfigValue>>(arch: string, defaults: T, given: Readonly<Record<string, unknown>>): T {
  for (const key of Object.keys(given)) {
    if (!(key in defaults)) throw new NetError('NET_BAD_CONFIG', `${arch}: unknown config key "${key}"; known: ${Object.keys(defaults).join(', ')}`);
  }
  const out: Record<string, ConfigValue> = {};
  for (const [key, fallback] of Object.entries(defaults)) {
    const value = given[key] ?? fallback;
    const ok = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
    if (Array.isArray(fallback)) {
      if (!Array.isArray(value) || value.length === 0 || !value.every(ok)) {
        throw new NetError('NET_BAD_CONFIG', `${arch}: config "${key}" must be a non-empty array of numbers ≥ 0`);
      }
      out[key] = [...(value as number[])];
    } else {
      if (!ok(value)) throw new NetError('NET_BAD_CONFIG', `${arch}: config "${key}" must be a number ≥ 0, got ${JSON.stringify(value)}`);
      out[key] = value;
    }
  }
  return out as T;
}

/** Throws `NET_BAD_CONFIG` unless `value` is an integer ≥ `min`. */
export function requireInt(arch: string, key: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) throw new NetError('NET_BAD_CONFIG', `${arch}: config "${key}" must be an integer ≥ ${min}, got ${value}`);
}
