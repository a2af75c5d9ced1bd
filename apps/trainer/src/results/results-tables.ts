/**
 * @module The README's result tables, rendered from committed `report.json` files: one function
 * per table, so the README quotes exactly what a rerunnable run wrote.
 */
import {
  count,
  NO_DIFFERENCE,
  pct,
  pointsInterval,
  pValueText,
  row,
  signedPoints,
  verdictTally,
  type ExperimentReport,
  type MethodComparison,
  type MethodResult,
} from '@painkd/distill';

/** Δ accuracy in points with its corrected 95 % interval, in report.md's formats, e.g. `+0.8 [−1.2, +2.8]`. */
function delta(c: MethodComparison): string {
  return `${signedPoints(c.paired.meanDifference)} ${pointsInterval(c.paired.corrected.ci)}`;
}

/**
 * Teachers and students of a run, mean ± sd over its (repeat, fold) pairs, with each student's
 * paired difference to the CE-only student of its size and the verdict.
 *
 * @example
 * methodTable(report); // '| method | params | acc % | …'
 */
export function methodTable(report: ExperimentReport): string {
  const multiclass = report.task === 'multiclass';
  const header = ['method', 'view', 'params', 'acc %', 'macro-F1 %', ...(multiclass ? ['MAE', 'BL1 vs PA4 acc % (5-class model)'] : []), 'Δ acc vs CE, pts [95 % CI]', 'Wilcoxon p', 'verdict'];
  const lines = [row(header), row(header.map((_, i) => (i < 2 ? '---' : '---:')))];
  for (const m of report.methods) {
    const c = report.comparisons?.find((x) => x.id === m.id);
    const s = m.summary;
    lines.push(
      row([
        `\`${m.id}\``,
        m.view,
        count(m.params),
        pct(s.accuracy),
        pct(s.macroF1),
        ...(multiclass ? [`${s.mae.mean.toFixed(3)} ± ${s.mae.sd.toFixed(3)}`, s.binary ? pct(s.binary.accuracy) : '–'] : []),
        c ? delta(c) : '',
        c ? pValueText(c.paired.wilcoxon.pValue) : '',
        c ? c.paired.verdict : m.role === 'teacher' ? 'teacher' : 'baseline',
      ]),
    );
  }
  return lines.join('\n');
}

/**
 * The size sweep: one row per student size with its parameters, int8 file size, MACs and
 * latency, and the accuracy of every method at that size.
 *
 * @example
 * sweepTable(report); // '| size | params | int8 KB | …'
 */
export function sweepTable(report: ExperimentReport): string {
  const students = report.methods.filter((m) => m.role === 'student');
  const sizes = [...new Set(students.map((m) => m.size ?? 'student'))];
  const methods = [...new Set(students.map((m) => m.method))];
  const header = ['size', 'params', 'int8 KB', 'MACs', 'int8 p50 µs', ...methods.map((m) => `\`${m}\` acc %`)];
  const lines = [row(header), row(header.map((_, i) => (i === 0 ? '---' : '---:')))];
  for (const size of sizes) {
    const at = (method: string): MethodResult | undefined => students.find((m) => (m.size ?? 'student') === size && m.method === method);
    const f = report.footprints?.find((x) => x.id === size);
    lines.push(
      row([
        size,
        count(at(methods[0]!)?.params ?? 0),
        f?.int8Bytes !== undefined ? (f.int8Bytes / 1024).toFixed(1) : '–',
        f ? count(f.macs) : '–',
        f?.latencyUs ? f.latencyUs.p50.toFixed(1) : '–',
        ...methods.map((method) => {
          const m = at(method);
          return m ? pct(m.summary.accuracy) : '–';
        }),
      ]),
    );
  }
  return lines.join('\n');
}

/**
 * One line counting the verdicts, e.g. `0 of 28 comparisons better, 1 worse, 27 no detectable
 * difference`.
 *
 * @example
 * verdictCounts(report);
 */
export function verdictCounts(report: ExperimentReport): string {
  const t = verdictTally(report.comparisons ?? []);
  return `${t.better} of ${t.total} comparisons better than CE alone, ${t.worse} worse, ${t.none} ${NO_DIFFERENCE}`;
}
