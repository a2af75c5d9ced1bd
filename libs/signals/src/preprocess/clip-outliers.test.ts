import { describe, expect, it } from 'vitest';
import { errorAt } from '../testing/error-at.js';
import { clipOutliers } from './clip-outliers.js';

describe('clipOutliers', () => {
  it('clips a spike to mean + z·sd and leaves the rest, keeping the length', () => {
    const x = new Float64Array(100).fill(1);
    for (let i = 0; i < 100; i++) x[i] += 0.01 * Math.sin(i);
    x[50] = 100;
    const y = clipOutliers(x, { zThreshold: 3 });
    expect(y.length).toBe(100);
    let mean = 0;
    for (const v of x) mean += v / 100;
    let variance = 0;
    for (const v of x) variance += (v - mean) ** 2 / 100;
    expect(y[50]).toBeCloseTo(mean + 3 * Math.sqrt(variance), 10);
    for (let i = 0; i < 100; i++) if (i !== 50) expect(y[i]).toBe(x[i]);
  });

  it('clips low outliers too', () => {
    const x = Float64Array.from({ length: 50 }, (_, i) => (i === 10 ? -40 : i % 2));
    const y = clipOutliers(x, { zThreshold: 2 });
    expect(y[10]).toBeGreaterThan(-40);
    expect(y[11]).toBe(1);
  });

  it('is safe on a flat signal (no NaN)', () => {
    expect(Array.from(clipOutliers(new Float32Array(5).fill(7)))).toEqual([7, 7, 7, 7, 7]);
  });

  it('does not touch a signal within bounds and does not mutate the input', () => {
    const x = new Float64Array([1, 2, 3, 4]);
    const y = clipOutliers(x);
    expect(y).not.toBe(x);
    expect(Array.from(y)).toEqual([1, 2, 3, 4]);
  });

  it('rejects non-finite samples and bad thresholds', () => {
    expect(errorAt(() => clipOutliers([1, NaN]))).toBe('SIGNAL_INVALID_ARGUMENT@x');
    expect(errorAt(() => clipOutliers([1, 2], { zThreshold: 0 }))).toBe('SIGNAL_INVALID_ARGUMENT@zThreshold');
    expect(errorAt(() => clipOutliers([1, 2], { zThreshold: Number.NaN }))).toBe('SIGNAL_INVALID_ARGUMENT@zThreshold');
  });
});
