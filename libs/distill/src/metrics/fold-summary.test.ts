import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { meanSd, summarizeFolds } from './fold-summary.js';
import type { FoldResult, MetricSet } from '../experiments/report-types.js';

const spreads = (
  JSON.parse(readFileSync(fileURLToPath(new URL('../../fixtures/metric-fixtures.json', import.meta.url)), 'utf8')) as {
    meanSd: { values: number[]; mean: number; sd: number }[];
  }
).meanSd;

function metricSet(accuracy: number): MetricSet {
  return { accuracy, macroF1: accuracy / 2, mae: 1 - accuracy, rmse: 2 - accuracy, confusion: [[1, 2], [3, 4]] };
}

function fold(i: number, accuracy: number, binary?: number): FoldResult {
  return {
    repeat: 0,
    fold: i,
    testSubjects: [`s${i}`],
    metrics: metricSet(accuracy),
    ...(binary === undefined ? {} : { binary: metricSet(binary) }),
    history: [],
    epochsRun: 1,
    trainMs: 1,
  };
}

describe('meanSd', () => {
  it.each(spreads.map((s) => [s.values.length, s] as const))('matches numpy std(ddof=1) for %i values', (_n, s) => {
    const r = meanSd(s.values);
    expect(r.mean).toBeCloseTo(s.mean, 12);
    expect(r.sd).toBeCloseTo(s.sd, 12);
  });

  it('rejects an empty list', () => {
    expect(() => meanSd([])).toThrow(expect.objectContaining({ code: 'METRIC_INVALID_ARGUMENT' }));
  });
});

describe('summarizeFolds', () => {
  it('averages every metric, sums confusions and keeps the binary task when all folds have it', () => {
    const s = summarizeFolds([fold(0, 0.5, 0.8), fold(1, 0.7, 0.9)]);
    expect(s.accuracy.mean).toBeCloseTo(0.6, 12);
    expect(s.macroF1.mean).toBeCloseTo(0.3, 12);
    expect(s.rmse.sd).toBeCloseTo(Math.SQRT2 * 0.1, 12);
    expect(s.confusion).toEqual([[2, 4], [6, 8]]);
    expect(s.binary?.accuracy.mean).toBeCloseTo(0.85, 12);
  });

  it('omits the binary summary when a fold lacks it, and reports sd 0 for one fold', () => {
    expect(summarizeFolds([fold(0, 0.5, 0.8), fold(1, 0.7)]).binary).toBeUndefined();
    expect(summarizeFolds([fold(0, 0.5)]).accuracy).toEqual({ mean: 0.5, sd: 0 });
  });
});
