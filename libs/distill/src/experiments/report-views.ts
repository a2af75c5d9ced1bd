/**
 * @module The input views a report describes, and the honesty label of subject-scoped
 * normalisation (whose statistics see the test subject's unlabelled windows: transductive).
 */
import type { ExperimentReport, ViewSummary } from './report-types.js';

/** The words both reports print next to subject-scoped normalisation. */
export const TRANSDUCTIVE_LABEL = "transductive: per-subject statistics include the test subject's unlabelled windows";

/**
 * The views worth a table: every view of a run whose teacher and students do not simply share
 * one lab view (several views, or a simulated wearable); empty otherwise, and for reports written
 * before views existed.
 *
 * @example
 * describedViews(privilegedReport).map((v) => v.name); // ['lab', 'lab-gsr', 'wrist']
 */
export function describedViews(report: Pick<ExperimentReport, 'data'>): readonly ViewSummary[] {
  const views = report.data.views ?? [];
  return views.length > 1 || views.some((v) => v.wearable) ? views : [];
}

/**
 * The normalisation scope a view was preprocessed with, read from the report's resolved config
 * the way the runner merges it: a view's own `preprocess.normalization` replaces the base
 * `preprocess.normalization` as a whole; the default scope is `window`.
 *
 * @example
 * normalizationScope(report.config, 'wrist'); // 'subject'
 */
export function normalizationScope(config: Readonly<Record<string, unknown>>, view: string | undefined): string {
  const base = field(config, 'preprocess');
  const own = view === undefined ? undefined : field(field(field(config, 'views'), view), 'preprocess');
  const normalization = field(own, 'normalization') ?? field(base, 'normalization');
  const scope = field(normalization, 'scope');
  return typeof scope === 'string' ? scope : 'window';
}

/**
 * The views normalised with per-subject statistics: names from `data.views`, else the config's
 * `views`; `['']` stands for the whole run when the report names no view.
 *
 * @example
 * subjectScopedViews(report); // ['lab', 'wrist']
 */
export function subjectScopedViews(report: Pick<ExperimentReport, 'config' | 'data'>): string[] {
  const configured = field(report.config, 'views');
  const names = report.data.views?.map((v) => v.name) ?? (isRecord(configured) ? Object.keys(configured) : []);
  if (names.length === 0) return normalizationScope(report.config, undefined) === 'subject' ? [''] : [];
  return names.filter((name) => normalizationScope(report.config, name) === 'subject');
}

/**
 * The sentence both reports print in their data section when any view is normalised per subject
 * ({@link TRANSDUCTIVE_LABEL}); `undefined` when none is.
 *
 * @example
 * transductiveNote(report); // "Normalisation scope 'subject' (views lab, wrist) — transductive: …"
 */
export function transductiveNote(report: Pick<ExperimentReport, 'config' | 'data'>): string | undefined {
  const views = subjectScopedViews(report);
  if (views.length === 0) return undefined;
  const which = views[0] === '' ? '' : ` (view${views.length === 1 ? '' : 's'} ${views.join(', ')})`;
  return `Normalisation scope 'subject'${which} — ${TRANSDUCTIVE_LABEL}.`;
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function field(value: unknown, key: string): unknown {
  return isRecord(value) ? value[key] : undefined;
}
