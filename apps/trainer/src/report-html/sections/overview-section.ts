/**
 * @module The page header and the at-a-glance cards: teacher (and reference teachers, with the
 * view each saw), best student, the paired verdicts against CE-only, int8 cost, speed-up.
 */
import { describedViews, NO_DIFFERENCE, signedPoints, verdictTally, viewLabel, type MethodResult } from '@painkd/distill';
import { escapeHtml } from '../escape-html.js';
import { duration, finiteOr, fixed, integer, meanSd } from '../format.js';
import { speedUps, type LatencyState } from '../latency.js';
import type { ReportView } from '../report-view.js';
import { int8MinusFp32Points } from './quantization-section.js';

interface Card {
  readonly id: string;
  readonly key: string;
  readonly value: string;
  readonly sub: string;
}

function card(c: Card): string {
  return (
    `<div class="card" data-card="${escapeHtml(c.id)}"><div class="k">${escapeHtml(c.key)}</div>` +
    `<div class="v">${escapeHtml(c.value)}</div><div class="s">${escapeHtml(c.sub)}</div></div>`
  );
}

/** Signed difference a − b in percentage points ({@link signedPoints}). */
function points(a: number, b: unknown): string {
  return signedPoints(a - finiteOr(b, Number.NaN));
}

/** `, <view line>` when the run has views worth naming (teacher and students see different ones). */
function seen(view: ReportView, m: MethodResult): string {
  const v = describedViews(view.report).length === 0 ? undefined : view.viewOf(m);
  return v === undefined ? '' : `, ${viewLabel(v)}`;
}

function verdictCard(view: ReportView): Card | undefined {
  const all = view.report.comparisons ?? [];
  if (all.length === 0) return undefined;
  const t = verdictTally(all);
  return { id: 'verdicts', key: 'distillation vs CE-only, paired', value: `${t.better} of ${t.total} better`, sub: `${t.worse} worse, ${t.none} ${NO_DIFFERENCE}` };
}

function cards(view: ReportView, latency: LatencyState): Card[] {
  const out: Card[] = [];
  const { teacher, bestStudent, ce } = view;
  if (teacher !== undefined) {
    out.push({ id: 'teacher', key: 'teacher accuracy', value: meanSd(teacher.summary.accuracy, 3), sub: `${teacher.id}, ${integer(teacher.params)} params${seen(view, teacher)}` });
  }
  for (const ref of view.teachers.filter((t) => t !== teacher)) {
    out.push({ id: 'reference-teacher', key: 'reference teacher accuracy', value: meanSd(ref.summary.accuracy, 3), sub: `${ref.id}${seen(view, ref)}` });
  }
  if (bestStudent !== undefined) {
    const ratio = teacher !== undefined && bestStudent.params > 0 ? `, ${fixed(teacher.params / bestStudent.params, 0)}× fewer params` : '';
    out.push({
      id: 'best-student',
      key: 'best student accuracy',
      value: meanSd(bestStudent.summary.accuracy, 3),
      sub: `${bestStudent.id}, ${integer(bestStudent.params)} params${ratio}${seen(view, bestStudent)}`,
    });
    const acc = finiteOr(bestStudent.summary.accuracy?.mean, Number.NaN);
    const vsTeacher = teacher === undefined ? undefined : `${points(acc, teacher.summary.accuracy?.mean)} vs teacher`;
    const ceSize = ce?.size === undefined ? '' : ` (${ce.size})`;
    const vsCe = ce === undefined || ce === bestStudent ? undefined : `${points(acc, ce.summary.accuracy?.mean)} vs CE-only student${ceSize}`;
    const gaps = [vsCe, vsTeacher].filter((g): g is string => g !== undefined);
    if (gaps.length > 0) {
      out.push({ id: 'gap', key: 'best student, accuracy points', value: gaps[0] ?? '', sub: gaps[1] ?? (ce === undefined ? 'no CE-only student to compare with' : 'the CE-only student is the best student') });
    }
  }
  const verdicts = verdictCard(view);
  if (verdicts !== undefined) out.push(verdicts);
  const int8 = int8MinusFp32Points(view.report.quantization ?? []);
  if (int8.length > 0) {
    out.push({
      id: 'int8',
      key: 'int8 − fp32, accuracy points',
      value: int8.map((d) => `${signedPoints(d.points / 100, 2)}${int8.length > 1 ? ` ${d.format === 'onnx' ? 'ONNX' : 'TFLite'}` : ''}`).join(' · '),
      sub: int8.every((d) => d.points >= -1) ? 'within the goal of losing at most 1 point' : 'outside the goal of losing at most 1 point',
    });
  }
  if (latency.kind === 'ok') {
    const ups = speedUps(latency.rows).filter((u) => /int8/i.test(u.student));
    const best = ups.find((u) => /onnxruntime-node|ort-node/i.test(u.runtime) && u.batch === 1) ?? ups[0];
    if (best !== undefined) out.push({ id: 'speed-up', key: 'int8 student speed-up', value: `${fixed(best.ratio, 1)}×`, sub: `vs ${best.teacher}, ${best.runtime}, batch ${best.batch}` });
  }
  return out;
}

/**
 * Renders the page header and the summary cards.
 *
 * @example
 * ```ts
 * overviewSection(reportView(report), parseLatency(undefined));
 * ```
 */
export function overviewSection(view: ReportView, latency: LatencyState): string {
  const r = view.report;
  const meta = [
    `created ${r.createdAt}`,
    `painkd ${r.painkdVersion}`,
    `${r.data.source} data`,
    `${r.task} task (${r.classLabels.length} classes)`,
    `${r.methods.length} method${r.methods.length === 1 ? '' : 's'}`,
    `wall time ${duration(r.wallMs)}`,
  ].join(' · ');
  const c = cards(view, latency);
  return (
    `<header><h1>painkd distillation report</h1><p>${escapeHtml(meta)}</p></header>` +
    (c.length === 0 ? '' : `<div class="cards">${c.map(card).join('')}</div>`)
  );
}

/**
 * Renders the collapsible run configuration and per-method hyper-parameters.
 *
 * @example
 * ```ts
 * configSection(reportView(report));
 * ```
 */
export function configSection(view: ReportView): string {
  const hyper = Object.fromEntries(view.methods.map((m) => [m.id, m.hyper]));
  return (
    `<section data-section="config" id="config"><h2>Configuration</h2>` +
    `<details><summary>Hyper-parameters per method</summary><pre>${escapeHtml(JSON.stringify(hyper, null, 2))}</pre></details>` +
    `<details><summary>Full experiment config</summary><pre>${escapeHtml(JSON.stringify(view.report.config, null, 2))}</pre></details>` +
    `</section>`
  );
}
