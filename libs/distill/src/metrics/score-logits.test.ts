import { describe, expect, it } from 'vitest';
import { computeMetrics } from './classification-metrics.js';
import { scoreLogits } from './score-logits.js';

describe('scoreLogits', () => {
  it('scores argmax predictions with computeMetrics, over all classes', () => {
    const logits = Float32Array.of(2, 1, 0, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 0, 3);
    const labels = Int32Array.of(0, 1, 1);
    expect(scoreLogits(logits, labels, 5)).toEqual(computeMetrics(labels, Int32Array.of(0, 1, 4), { classes: 5 }));
    expect(scoreLogits(logits, labels, 5).macroF1).toBeCloseTo((1 + 2 / 3) / 5, 12);
  });

  it('measures the MAE of a binary model on the 0–4 pain scale', () => {
    const m = scoreLogits(Float32Array.of(1, 0, 0, 1), Int32Array.of(1, 1), 2);
    expect(m.mae).toBe(2);
    expect(m.accuracy).toBe(0.5);
  });
});
