/** @module A tiny seeded PRNG (mulberry32) for reproducible test weights and windows. */

/**
 * Returns a generator of uniform floats in [0, 1) from a 32-bit seed.
 *
 * @example
 * ```ts
 * const rand = mulberry32(7); rand(); // 0.…
 * ```
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
