import { describe, expect, it } from 'vitest';
import { createRng, deriveSeed, mulberry32 } from './random.js';

describe('random', () => {
  it('mulberry32 gives the same sequence for the same seed and another for another seed', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const first = Array.from({ length: 5 }, () => a());
    expect(first[0]).toBe(0.6011037519201636);
    expect(Array.from({ length: 5 }, () => b())).toEqual(first);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('deriveSeed separates streams by key and key order', () => {
    expect(deriveSeed(1, 2, 3)).toBe(deriveSeed(1, 2, 3));
    expect(new Set([deriveSeed(1, 2, 3), deriveSeed(1, 3, 2), deriveSeed(1, 2), deriveSeed(2, 2, 3), deriveSeed(1, 2, 3, 0)]).size).toBe(5);
  });

  it('draws normals, log-normals and Poisson counts with the right moments', () => {
    const rng = createRng(7);
    const n = 20_000;
    let sum = 0;
    let sumSq = 0;
    let logSum = 0;
    let poissonSum = 0;
    for (let i = 0; i < n; i++) {
      const x = rng.normal(2, 3);
      sum += x;
      sumSq += x * x;
      logSum += Math.log(rng.logNormal(5, 0.5));
      poissonSum += rng.poisson(1.5);
    }
    const mean = sum / n;
    expect(mean).toBeCloseTo(2, 1);
    expect(Math.sqrt(sumSq / n - mean * mean)).toBeCloseTo(3, 1);
    expect(Math.exp(logSum / n)).toBeCloseTo(5, 1);
    expect(poissonSum / n).toBeCloseTo(1.5, 1);
  });

  it('shuffles reproducibly and keeps every item', () => {
    const a = createRng(3).shuffle([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(createRng(3).shuffle([1, 2, 3, 4, 5, 6, 7, 8])).toEqual(a);
    expect([...a].sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});
