/**
 * @module Seeded weight initialisers on Float32Array (He-normal for layers followed by ReLU,
 * Glorot-uniform for the logits layer), drawn from the shared mulberry32-based generator of
 * @painkd/signals so the same seed always gives the same net.
 */
import { createRng, type Rng } from '@painkd/signals';

/** He (Kaiming) normal: N(0, 2 / fanIn). */
export function heNormal(rng: Rng, size: number, fanIn: number): Float32Array {
  const out = new Float32Array(size);
  const sd = Math.sqrt(2 / fanIn);
  for (let i = 0; i < size; i++) out[i] = rng.normal(0, sd);
  return out;
}

/** Glorot (Xavier) uniform: U(−√(6 / (fanIn + fanOut)), +…). */
export function glorotUniform(rng: Rng, size: number, fanIn: number, fanOut: number): Float32Array {
  const out = new Float32Array(size);
  const limit = Math.sqrt(6 / (fanIn + fanOut));
  for (let i = 0; i < size; i++) out[i] = rng.uniform(-limit, limit);
  return out;
}

/** A constant-filled array (biases 0, BN gamma 1, …). */
export function filled(size: number, value: number): Float32Array {
  return new Float32Array(size).fill(value);
}

/**
 * Creates the generator a net draws its initial weights from.
 *
 * @example
 * const rng = initRng(7);
 * const kernel = heNormal(rng, 5 * 32 * 64, 5 * 32);
 */
export function initRng(seed: number): Rng {
  return createRng(seed);
}
