/**
 * @module How both reports present `report.comparisons`: grouped by student size, the pairing
 * explained in one sentence, and the verdicts counted in the verdicts' own words.
 */
import type { PairedComparison, PairedVerdict } from '../stats/index.js';
import type { ExperimentReport, MethodComparison } from './report-types.js';

/** One comparison with the method and size of its student. */
export interface ComparisonRow {
  readonly comparison: MethodComparison;
  /** The student's method (run id). */
  readonly method: string;
  readonly size?: string;
}

/** The comparisons of one student size (`size` undefined without a size family). */
export interface ComparisonGroup {
  readonly size?: string;
  readonly rows: readonly ComparisonRow[];
}

/** How many comparisons got each verdict. */
export interface VerdictTally {
  readonly total: number;
  readonly better: number;
  readonly worse: number;
  readonly none: number;
}

/** The verdict that says the numbers cannot tell method and baseline apart. */
export const NO_DIFFERENCE: PairedVerdict = 'no detectable difference';

/**
 * The report's comparisons grouped by the size of the student compared, sizes in report order;
 * a single group without a size family. Empty when the report has no comparisons.
 *
 * @example
 * comparisonGroups(report).map((g) => g.size); // ['xs', 's']
 */
export function comparisonGroups(report: Pick<ExperimentReport, 'comparisons' | 'methods'>): ComparisonGroup[] {
  const rows = (report.comparisons ?? []).map((comparison): ComparisonRow => {
    const student = report.methods.find((m) => m.id === comparison.id);
    const method = typeof student?.method === 'string' ? student.method : comparison.id;
    return { comparison, method, ...(typeof student?.size === 'string' ? { size: student.size } : {}) };
  });
  const sizes = [...new Set(rows.map((r) => r.size))];
  return sizes.map((size) => ({ ...(size === undefined ? {} : { size }), rows: rows.filter((r) => r.size === size) }));
}

/**
 * Counts the verdicts.
 *
 * @example
 * verdictTally(report.comparisons ?? []); // { total: 6, better: 2, worse: 1, none: 3 }
 */
export function verdictTally(comparisons: readonly MethodComparison[]): VerdictTally {
  const count = (v: PairedVerdict): number => comparisons.filter((c) => c.paired.verdict === v).length;
  return { total: comparisons.length, better: count('better'), worse: count('worse'), none: count(NO_DIFFERENCE) };
}

/**
 * The tally as one sentence, in the verdicts' words.
 *
 * @example
 * verdictSentence({ total: 6, better: 2, worse: 1, none: 3 });
 * // 'distillation vs CE-only: 2 of 6 comparisons better, 1 worse, 3 no detectable difference'
 */
export function verdictSentence(t: VerdictTally): string {
  return `distillation vs CE-only: ${t.better} of ${t.total} comparison${t.total === 1 ? '' : 's'} better, ${t.worse} worse, ${t.none} ${NO_DIFFERENCE}`;
}

/**
 * Whether a comparison had too few non-zero pairs for any exact test to reach its alpha: its
 * verdict is then "no detectable difference" whatever the data, and its `reason` says so.
 *
 * @example
 * tooFewPairs(fiveFoldComparison.paired); // true (smallest possible p 0.0625)
 */
export function tooFewPairs(c: Pick<PairedComparison, 'minAttainablePValue' | 'alpha'>): boolean {
  return c.minAttainablePValue >= c.alpha;
}

/**
 * The confidence level, in percent, of the interval that goes with significance level `alpha`.
 *
 * @example
 * confidencePercent(0.05); // 95
 */
export function confidencePercent(alpha: number): number {
  return Number(((1 - alpha) * 100).toPrecision(4));
}

/**
 * The sentence above the comparison tables: what is paired, and which interval and tests decide.
 *
 * @param alpha - the comparisons' significance level (0.05 by default).
 * @example
 * pairingSentence(0.05);
 */
export function pairingSentence(alpha: number): string {
  const level = confidencePercent(alpha);
  return (
    'Each student is paired with the CE-only student of its size on the same (repeat, fold) splits — same training, validation and test subjects, ' +
    'same initial weights and batch order — so only the loss differs. ' +
    `The ${level} % CI is the corrected resampled t interval (Nadeau & Bengio 2003), which allows for folds sharing training subjects; ` +
    `"better" or "worse" needs it to exclude 0 and both the Wilcoxon and the sign-flip p below ${alpha}.`
  );
}
