import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { argmaxRows, computeMetrics, confusionMatrix } from './classification-metrics.js';

interface MetricFixture {
  classes: number;
  yTrue: number[];
  yPred: number[];
  accuracy: number;
  macroF1: number;
  mae: number;
  rmse: number;
  confusion: number[][];
}

const fixtures = (
  JSON.parse(readFileSync(fileURLToPath(new URL('../../fixtures/metric-fixtures.json', import.meta.url)), 'utf8')) as { cases: MetricFixture[] }
).cases;

describe('computeMetrics', () => {
  it.each(fixtures.map((c, i) => [i, c] as const))('matches scikit-learn (case %i)', (_i, c) => {
    const m = computeMetrics(Int32Array.from(c.yTrue), Int32Array.from(c.yPred), { classes: c.classes });
    expect(m.accuracy).toBeCloseTo(c.accuracy, 12);
    expect(m.macroF1).toBeCloseTo(c.macroF1, 12);
    expect(m.mae).toBeCloseTo(c.mae, 12);
    expect(m.rmse).toBeCloseTo(c.rmse, 12);
    expect(m.confusion).toEqual(c.confusion);
  });

  it('measures MAE on the given levels', () => {
    const m = computeMetrics(Int32Array.of(0, 1), Int32Array.of(1, 1), { classes: 2, levels: [0, 4] });
    expect(m.mae).toBe(2);
    expect(m.rmse).toBeCloseTo(Math.sqrt(8), 12);
  });

  it('rejects out-of-range labels and mismatched lengths with coded errors', () => {
    expect(() => computeMetrics(Int32Array.of(5), Int32Array.of(0), { classes: 5 })).toThrow(expect.objectContaining({ code: 'METRIC_INVALID_ARGUMENT' }));
    expect(() => confusionMatrix(Int32Array.of(0, 1), Int32Array.of(0), 2)).toThrow(expect.objectContaining({ code: 'METRIC_INVALID_ARGUMENT' }));
  });
});

describe('argmaxRows', () => {
  it('takes the first maximum of each row', () => {
    expect(Array.from(argmaxRows(Float32Array.of(0, 2, 1, 5, 0, 5), 3))).toEqual([1, 0]);
  });
});
