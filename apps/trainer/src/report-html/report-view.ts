/**
 * @module A read-only view over an `ExperimentReport` that the sections share: which run is the
 * teacher (and the reference teachers), which the CE-only student, which the best student, how
 * many CV repeats, and the method colours.
 */
import { repeatsOf, type ExperimentReport, type MethodResult, type ViewSummary } from '@painkd/distill';
import { ReportHtmlError } from './errors.js';
import { finiteOr } from './format.js';
import { methodColors, type MethodColors } from './theme.js';

/** What every section needs to know about a report beyond its raw fields. */
export interface ReportView {
  readonly report: ExperimentReport;
  readonly methods: readonly MethodResult[];
  readonly teacher: MethodResult | undefined;
  /** Every teacher: the teacher, then the reference teachers (e.g. a GSR-only one). */
  readonly teachers: readonly MethodResult[];
  /**
   * The student trained with cross-entropy only (method `student-ce` or ending in `-ce`, or a
   * comparison's baseline); in a size family, the one of the best student's size.
   */
  readonly ce: MethodResult | undefined;
  /** The student with the highest mean accuracy (first in report order on ties). */
  readonly bestStudent: MethodResult | undefined;
  readonly colors: MethodColors;
  readonly classLabels: readonly string[];
  /** CV repeats (1 without repeated CV). */
  readonly repeats: number;
  /** The input view a method saw, when the report describes its views. */
  readonly viewOf: (m: MethodResult) => ViewSummary | undefined;
}

const CE_ID = /(^|[-_])ce$/i;

/**
 * A student's method (run id): `method`, or the id for a report written before size families.
 *
 * @example
 * ```ts
 * methodOf({ id: 'student-kd@xs', method: 'student-kd' }); // 'student-kd'
 * ```
 */
export function methodOf(m: Pick<MethodResult, 'id'> & { readonly method?: unknown }): string {
  return typeof m.method === 'string' ? m.method : m.id;
}

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
  const teachers = methods.filter((m) => m.role === 'teacher');
  let bestStudent: MethodResult | undefined;
  for (const m of methods) {
    if (m.role !== 'student') continue;
    const acc = finiteOr(m.summary.accuracy?.mean, Number.NEGATIVE_INFINITY);
    if (bestStudent === undefined || acc > finiteOr(bestStudent.summary.accuracy?.mean, Number.NEGATIVE_INFINITY)) {
      bestStudent = m;
    }
  }
  const baselines = new Set((report.comparisons ?? []).map((c) => c.baseline));
  const isCe = (m: Pick<MethodResult, 'id'> & { readonly method?: unknown }): boolean => baselines.has(m.id) || CE_ID.test(methodOf(m));
  const ces = methods.filter((m) => m.role === 'student' && isCe(m));
  const ce = ces.find((m) => m.size === bestStudent?.size) ?? ces[0];
  const views = new Map((report.data.views ?? []).map((v) => [v.name, v]));
  return {
    report,
    methods,
    teacher: teachers.find((m) => m.id === 'teacher') ?? teachers[0],
    teachers,
    ce,
    bestStudent,
    colors: methodColors(methods, isCe),
    classLabels: report.classLabels,
    repeats: repeatsOf(report),
    viewOf: (m) => (typeof m.view === 'string' ? views.get(m.view) : undefined),
  };
}
