/**
 * @module Seeded pseudo-random numbers: mulberry32 plus the few distributions the synthetic
 * cohort (and anyone else needing reproducible randomness) uses. Same seed, same sequence, on
 * every platform.
 */

/** A source of uniform numbers in [0, 1). */
export type RandomSource = () => number;

/** A seeded generator with the distributions painkd needs. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [min, max). */
  uniform(min: number, max: number): number;
  /** Integer in [0, n). */
  int(n: number): number;
  /** Normal (Gaussian) with the given mean and standard deviation (Marsaglia's polar method). */
  normal(mean?: number, sd?: number): number;
  /** Log-normal: `median · exp(N(0, sigma))`. */
  logNormal(median: number, sigma: number): number;
  /** True with probability p. */
  bernoulli(p: number): boolean;
  /** Poisson-distributed count with mean `lambda` (Knuth; meant for small means). */
  poisson(lambda: number): number;
  /** Shuffles an array in place (Fisher–Yates) and returns it. */
  shuffle<T>(items: T[]): T[];
}

/**
 * mulberry32: a tiny 32-bit generator with good statistical quality for simulation.
 *
 * @example
 * const random = mulberry32(42);
 * random(); // 0.6011037519201636, every time
 */
export function mulberry32(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Mixes a seed with any number of integer keys into a new 32-bit seed, so independent streams
 * (per subject, per trial) can be drawn in any order and still be reproducible.
 *
 * @example
 * const trialRng = createRng(deriveSeed(seed, subjectIndex, trialIndex));
 */
export function deriveSeed(seed: number, ...keys: number[]): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (const key of [...keys, keys.length]) {
    h = Math.imul(h ^ (key >>> 0), 0x85ebca6b) >>> 0;
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35) >>> 0;
    h ^= h >>> 16;
  }
  return h >>> 0;
}

/**
 * Creates a seeded generator (mulberry32 underneath).
 *
 * @example
 * const rng = createRng(7);
 * const tonic = rng.logNormal(6, 0.5); // µS
 * const responds = rng.bernoulli(0.9);
 */
export function createRng(seed: number): Rng {
  const random = mulberry32(seed);
  let spare: number | undefined;
  const normal = (mean = 0, sd = 1): number => {
    if (spare !== undefined) {
      const z = spare;
      spare = undefined;
      return mean + sd * z;
    }
    let u = 0;
    let v = 0;
    let q = 0;
    do {
      u = 2 * random() - 1;
      v = 2 * random() - 1;
      q = u * u + v * v;
    } while (q >= 1 || q === 0);
    const f = Math.sqrt((-2 * Math.log(q)) / q);
    spare = v * f;
    return mean + sd * u * f;
  };
  return {
    next: random,
    uniform: (min, max) => min + (max - min) * random(),
    int: (n) => Math.floor(random() * n),
    normal,
    logNormal: (median, sigma) => median * Math.exp(sigma * normal()),
    bernoulli: (p) => random() < p,
    poisson: (lambda) => {
      const limit = Math.exp(-lambda);
      let k = 0;
      let p = random();
      while (p > limit) {
        k++;
        p *= random();
      }
      return k;
    },
    shuffle: <T>(items: T[]): T[] => {
      for (let i = items.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [items[i], items[j]] = [items[j], items[i]];
      }
      return items;
    },
  };
}
