import { describe, expect, it } from 'vitest';
import { comparePaired } from './compare-paired.js';

const baseline = (n: number) => Array.from({ length: n }, (_, i) => 0.7 + 0.01 * (i % 7));
const shifted = (base: number[], shift: (i: number) => number) => base.map((v, i) => v + shift(i));
// 3 repeats × 5 folds, differences between +0.018 and +0.046, all distinct
const clearGain = (i: number) => 0.03 + 0.002 * ((i * 7) % 15) - 0.012;

describe('comparePaired', () => {
  it('says "better" only when the corrected CI, Wilcoxon and sign-flip tests all agree', () => {
    const b = baseline(15);
    const c = comparePaired(shifted(b, clearGain), b, { testTrainRatio: 1 / 4 });
    expect(c.verdict).toBe('better');
    expect(c.corrected.ci.lower).toBeGreaterThan(0);
    expect(c.wilcoxon.pValue).toBeLessThan(0.05);
    expect(c.signFlip.pValue).toBeLessThan(0.05);
    expect(c.reason).toMatch(/^the corrected 95 % CI \[.*\] excludes 0/);
    expect(c).toMatchObject({ n: 15, alpha: 0.05, higherIsBetter: true, minAttainablePValue: 2 ** -14 });
    expect(c.meanDifference).toBeCloseTo(0.032, 12);
    // the plain interval is narrower: it ignores the overlap between folds
    expect(c.plain.ci.upper - c.plain.ci.lower).toBeLessThan(c.corrected.ci.upper - c.corrected.ci.lower);
  });

  it('says "worse" for a consistent loss, and turns around when lower is better', () => {
    const b = baseline(15);
    const loss = shifted(b, (i) => -clearGain(i));
    expect(comparePaired(loss, b, { testTrainRatio: 1 / 4 }).verdict).toBe('worse');
    expect(comparePaired(loss, b, { testTrainRatio: 1 / 4, higherIsBetter: false }).verdict).toBe('better');
  });

  it('refuses a verdict from 5 folds however consistent, and says why', () => {
    const b = baseline(5);
    const c = comparePaired(shifted(b, (i) => 0.05 + 0.001 * i), b, { testTrainRatio: 1 / 4 });
    expect(c.verdict).toBe('no detectable difference');
    expect(c.signFlip.pValue).toBe(0.0625);
    expect(c.reason).toBe('5 non-zero paired differences: no exact test can reach p < 0.05 (smallest possible p 0.0625); add folds or repeats');
  });

  it('is not fooled by a normal approximation below the exact floor (tied differences)', () => {
    const b = baseline(5);
    const c = comparePaired(shifted(b, (i) => [0.02, 0.01, 0.03, 0.03, 0.01][i]), b, { testTrainRatio: 1 / 4 });
    expect(c.wilcoxon).toMatchObject({ method: 'approx' });
    expect(c.wilcoxon.pValue).toBeLessThan(0.05);
    expect(c.verdict).toBe('no detectable difference');
  });

  it('says "no detectable difference" when the corrected interval includes 0, even if the plain one does not', () => {
    const b = baseline(30);
    const noisy = shifted(b, (i) => 0.006 + 0.02 * Math.sin(i * 2.3));
    const c = comparePaired(noisy, b, { testTrainRatio: 1 / 9 });
    expect(c.verdict).toBe('no detectable difference');
    expect(c.corrected.ci.lower).toBeLessThan(0);
    expect(c.reason).toMatch(/^the corrected 95 % CI \[-?[\d.e-]+, [\d.e-]+\] includes 0$/);
  });

  it('uses alpha for the interval level and passes the sign-flip options through', () => {
    const b = baseline(35);
    const c = comparePaired(shifted(b, clearGain), b, { testTrainRatio: 1 / 4, alpha: 0.01, signFlip: { seed: 3, resamples: 999 } });
    expect(c.corrected.ci.level).toBeCloseTo(0.99, 15);
    expect(c.signFlip).toMatchObject({ method: 'monte-carlo', seed: 3, permutations: 999 });
  });

  it('rejects a bad alpha and unequal samples', () => {
    const invalid = expect.objectContaining({ code: 'STATS_INVALID_ARGUMENT' });
    expect(() => comparePaired([1, 2], [1, 2], { testTrainRatio: 0.25, alpha: 0 })).toThrow(invalid);
    expect(() => comparePaired([1, 2], [1], { testTrainRatio: 0.25 })).toThrow(invalid);
  });
});
