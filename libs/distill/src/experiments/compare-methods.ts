/**
 * @module Every distilling student against the CE-only student of its size: paired per
 * (repeat, fold) test accuracy, with the statistics of `comparePaired`.
 */
import { baselineRunId, type ExperimentConfig } from './experiment-config.js';
import type { Fold } from '../cv/fold.js';
import type { MethodComparison, MethodResult } from './report-types.js';
import { comparePaired } from '../stats/index.js';

/**
 * Pairs each student with the baseline run (`baselineRunId`) at the same size (same folds, same initial weights
 * and batch order, so only the loss differs) and compares their per-fold accuracy. The corrected
 * resampled t interval needs the ratio of test subjects to the subjects the nets were fitted on
 * (validation subjects excluded), averaged over the folds: {@link testTrainRatio}. Students
 * without a baseline of their size, and the baseline itself, are skipped.
 *
 * @example
 * const comparisons = compareWithBaseline(report.methods, config, testTrainRatio(folds));
 */
export function compareWithBaseline(methods: readonly MethodResult[], config: Pick<ExperimentConfig, 'runs' | 'baseline'>, ratio: number): MethodComparison[] {
  const students = methods.filter((m) => m.role === 'student');
  const baselineId = baselineRunId(config);
  const out: MethodComparison[] = [];
  for (const m of students) {
    if (baselineId === undefined || m.method === baselineId) continue;
    const baseline = students.find((b) => b.method === baselineId && b.size === m.size);
    if (!baseline || baseline.folds.length !== m.folds.length) continue;
    const accuracy = (r: MethodResult): number[] => r.folds.map((f) => f.metrics.accuracy);
    out.push({ id: m.id, baseline: baseline.id, metric: 'accuracy', paired: comparePaired(accuracy(m), accuracy(baseline), { testTrainRatio: ratio }) });
  }
  return out;
}

/**
 * Mean over folds of test subjects / training subjects (validation subjects excluded): the
 * n_test/n_train of Nadeau & Bengio's correction.
 *
 * @example
 * testTrainRatio(folds); // ≈ 0.29 for 5 folds with 15 % validation subjects
 */
export function testTrainRatio(folds: readonly Fold[]): number {
  const ratios = folds.filter((f) => f.trainSubjects.length > 0).map((f) => f.testSubjects.length / f.trainSubjects.length);
  return ratios.length === 0 ? 1 : ratios.reduce((a, b) => a + b, 0) / ratios.length;
}
