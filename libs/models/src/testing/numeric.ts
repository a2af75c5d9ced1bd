/** @module Test support: seeded random inputs and the relative error the gradient tests judge by. */
import { createRng } from '@painkd/signals';

/**
 * `n` seeded draws of `offset + scale · N(0, 1)`.
 *
 * @example
 * const x = randomArray(1, 64); // same 64 values for seed 1, every run
 */
export function randomArray(seed: number, n: number, offset = 0, scale = 1): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: n }, () => offset + scale * rng.normal());
}

/**
 * max |a − b| / max(max |b|, floor): relative error, with `floor` keeping values that are zero
 * in theory from dividing by (almost) nothing.
 *
 * @example
 * relError(Float32Array.of(1, 2.0002), Float32Array.of(1, 2)); // 1e-4
 */
export function relError(a: Float32Array, b: Float32Array, floor = 1e-6): number {
  let diff = 0;
  let scale = floor;
  for (let i = 0; i < b.length; i++) {
    diff = Math.max(diff, Math.abs(a[i]! - b[i]!));
    scale = Math.max(scale, Math.abs(b[i]!));
  }
  return diff / scale;
}
