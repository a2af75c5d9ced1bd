/**
 * @module Every distilling student against the CE-only student of its size: paired per
 * (repeat, fold) test accuracy, with the statistics of `comparePaired`.
 */
import type { ExperimentConfig } from './experiment-config.js';
import type { MethodComparison, MethodResult } from './report-types.js';
import { comparePaired } from '../stats/index.js';

/**
 * Pairs each student with `config.baseline` at the same size (same folds, same initial weights
 * and batch order, so only the loss differs) and compares their per-fold accuracy. The corrected
 * resampled t interval uses the test/train size ratio of the CV scheme (1/(k − 1) for k folds).
 * Students without a baseline of their size, and the baseline itself, are skipped.
 *
 * @example
 * const comparisons = compareWithBaseline(report.methods, config);
 */
export function compareWithBaseline(methods: readonly MethodResult[], config: ExperimentConfig): MethodComparison[] {
  const students = methods.filter((m) => m.role === 'student');
  const folds = students[0]?.folds.filter((f) => f.repeat === 0).length ?? 0;
  const testTrainRatio = folds > 1 ? 1 / (folds - 1) : 1;
  const out: MethodComparison[] = [];
  for (const m of students) {
    if (m.method === config.baseline) continue;
    const baseline = students.find((b) => b.method === config.baseline && b.size === m.size);
    if (!baseline || baseline.folds.length !== m.folds.length) continue;
    const accuracy = (r: MethodResult): number[] => r.folds.map((f) => f.metrics.accuracy);
    out.push({ id: m.id, baseline: baseline.id, metric: 'accuracy', paired: comparePaired(accuracy(m), accuracy(baseline), { testTrainRatio }) });
  }
  return out;
}
