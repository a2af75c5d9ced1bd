/** @module A seeded sample of window indices, e.g. the training windows that calibrate int8. */
import { createRng } from '@painkd/signals';

/**
 * Up to `count` of `indices`, a seeded sample in ascending order (all of them when there are fewer).
 *
 * @example
 * sampleIndices(fold.train, 512, config.seed);
 */
export function sampleIndices(indices: Int32Array, count: number, seed: number): number[] {
  const all = [...indices];
  if (all.length <= count) return all;
  return createRng(seed).shuffle(all).slice(0, count).sort((a, b) => a - b);
}
