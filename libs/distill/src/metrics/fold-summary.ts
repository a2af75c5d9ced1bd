/** @module Mean ± sample standard deviation over folds, and the per-method summary of report.json. */
import { DistillError } from '../errors.js';
import type { FoldResult, MeanSd, MethodSummary, MetricSet } from '../experiments/report-types.js';

/**
 * Mean and **sample** standard deviation (n − 1 denominator, numpy `std(ddof=1)`). With one
 * value (a single fold) there is no spread to estimate and `sd` is reported as 0.
 *
 * @example
 * meanSd([0.5, 0.7]); // { mean: 0.6, sd: 0.1414… }
 */
export function meanSd(values: readonly number[]): MeanSd {
  if (values.length === 0) throw new DistillError('METRIC_INVALID_ARGUMENT', 'meanSd needs at least one value');
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  if (n === 1) return { mean, sd: 0 };
  const ss = values.reduce((a, v) => a + (v - mean) * (v - mean), 0);
  return { mean, sd: Math.sqrt(ss / (n - 1)) };
}

/**
 * Summarises one method over its folds: mean ± sd of every metric, the confusion matrix summed
 * over folds, and the binary task when every fold evaluated it.
 *
 * @example
 * const summary = summarizeFolds(method.folds);
 */
export function summarizeFolds(folds: readonly FoldResult[]): MethodSummary {
  if (folds.length === 0) throw new DistillError('METRIC_INVALID_ARGUMENT', 'cannot summarise zero folds');
  const pick = (f: (m: MetricSet) => number, sets: readonly MetricSet[]): MeanSd => meanSd(sets.map(f));
  const sets = folds.map((f) => f.metrics);
  const binarySets = folds.flatMap((f) => (f.binary ? [f.binary] : []));
  const summary: MethodSummary = {
    accuracy: pick((m) => m.accuracy, sets),
    macroF1: pick((m) => m.macroF1, sets),
    mae: pick((m) => m.mae, sets),
    rmse: pick((m) => m.rmse, sets),
    confusion: sumConfusions(sets.map((m) => m.confusion)),
  };
  if (binarySets.length !== folds.length) return summary;
  return {
    ...summary,
    binary: { accuracy: pick((m) => m.accuracy, binarySets), macroF1: pick((m) => m.macroF1, binarySets) },
  };
}

function sumConfusions(matrices: readonly (readonly (readonly number[])[])[]): number[][] {
  const total = matrices[0].map((row) => row.map(() => 0));
  for (const m of matrices) m.forEach((row, i) => row.forEach((v, j) => (total[i][j] += v)));
  return total;
}
