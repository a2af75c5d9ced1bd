/**
 * @module A read-only view over an `ExperimentReport` that the sections share: which run is the
 * teacher, which the CE-only student, which the best student, and the method colours.
 */
import type { ExperimentReport, MethodResult } from '@painkd/distill';
import { ReportHtmlError } from './errors.js';
import { finiteOr } from './format.js';
import { methodColors, type MethodColors } from './theme.js';

/** What every section needs to know about a report beyond its raw fields. */
export interface ReportView {
  readonly report: ExperimentReport;
  readonly methods: readonly MethodResult[];
  readonly teacher: MethodResult | undefined;
  /** The student trained with cross-entropy only (id `student-ce` or ending in `-ce`). */
  readonly ce: MethodResult | undefined;
  /** The student with the highest mean accuracy (first in report order on ties). */
  readonly bestStudent: MethodResult | undefined;
  readonly colors: MethodColors;
  readonly classLabels: readonly string[];
}

const CE_ID = /(^|[-_])ce$/i;

/**
 * Checks the few structural facts the renderer relies on, so a hand-edited or foreign
 * `report.json` fails with a clear coded error instead of a broken page.
 *
 * @throws {@link ReportHtmlError} `REPORT_HTML_BAD_REPORT`.
 * @example
 * ```ts
 * assertReportShape(JSON.parse(text) as ExperimentReport);
 * ```
 */
export function assertReportShape(report: ExperimentReport): void {
  const problems: string[] = [];
  if (typeof report !== 'object' || report === null) problems.push('report is not an object');
  else {
    if (report.schemaVersion !== 1) problems.push(`schemaVersion is ${String(report.schemaVersion)}, expected 1`);
    if (!Array.isArray(report.methods)) problems.push('methods is not an array');
    if (!Array.isArray(report.classLabels)) problems.push('classLabels is not an array');
    if (typeof report.data !== 'object' || report.data === null) problems.push('data is missing');
    else if (!Array.isArray(report.data.windowsPerClass)) problems.push('data.windowsPerClass is not an array');
    if (Array.isArray(report.methods)) {
      report.methods.forEach((m, i) => {
        if (typeof m?.id !== 'string') problems.push(`methods[${i}].id is not a string`);
        if (!Array.isArray(m?.folds)) problems.push(`methods[${i}].folds is not an array`);
        if (typeof m?.summary !== 'object' || m?.summary === null) problems.push(`methods[${i}].summary is missing`);
      });
    }
  }
  if (problems.length > 0) {
    throw new ReportHtmlError('REPORT_HTML_BAD_REPORT', `report.json is not a painkd report: ${problems.join('; ')}`);
  }
}

/**
 * Builds the shared {@link ReportView} of a report.
 *
 * @example
 * ```ts
 * const view = reportView(report);
 * view.bestStudent?.id; // 'student-dkd'
 * ```
 */
export function reportView(report: ExperimentReport): ReportView {
  assertReportShape(report);
  const methods = report.methods;
  const teacher = methods.find((m) => m.role === 'teacher');
  const ce = methods.find((m) => m.role === 'student' && CE_ID.test(m.id));
  let bestStudent: MethodResult | undefined;
  for (const m of methods) {
    if (m.role !== 'student') continue;
    const acc = finiteOr(m.summary.accuracy?.mean, Number.NEGATIVE_INFINITY);
    if (bestStudent === undefined || acc > finiteOr(bestStudent.summary.accuracy?.mean, Number.NEGATIVE_INFINITY)) {
      bestStudent = m;
    }
  }
  return {
    report,
    methods,
    teacher,
    ce,
    bestStudent,
    colors: methodColors(methods, ce?.id),
    classLabels: report.classLabels,
  };
}
