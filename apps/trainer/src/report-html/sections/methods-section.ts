/**
 * @module The methods section: accuracy, macro-F1 and MAE per method (mean ± sd bars, fold dots,
 * teacher and CE-only student as reference lines), the summary table and the per-fold table.
 */
import { binaryScoringNote, foldAt, foldLabel, foldPairs, WIDE_PER_FOLD_METHODS, type MethodResult, type MetricSet } from '@painkd/distill';
import { metricBarsSpec, type MetricBar, type MetricReference } from '../charts/metric-bars.js';
import { escapeHtml } from '../escape-html.js';
import { duration, finiteOr, fixed, integer, meanSd } from '../format.js';
import { grid, note, section, table, type ChartContext } from '../html.js';
import type { ReportView } from '../report-view.js';

type MetricKey = 'accuracy' | 'macroF1' | 'mae';

const METRICS: readonly { key: MetricKey; id: string; title: string; caption: string; bounded: boolean }[] = [
  { key: 'accuracy', id: 'accuracy', title: 'Accuracy', caption: 'higher is better', bounded: true },
  { key: 'macroF1', id: 'macro-f1', title: 'Macro-F1', caption: 'higher is better', bounded: true },
  { key: 'mae', id: 'mae', title: 'MAE', caption: 'on the 0–4 pain scale (BL1 = 0 … PA4 = 4, binary runs too); lower is better', bounded: false },
];

function bars(
  methods: readonly MethodResult[],
  repeats: number,
  pick: (m: MetricSet) => number,
  mean: (m: MethodResult) => { mean: number; sd: number } | undefined,
): MetricBar[] {
  return methods.flatMap((m) => {
    const s = mean(m);
    const mu = finiteOr(s?.mean, Number.NaN);
    if (!Number.isFinite(mu)) return [];
    return [
      {
        method: m.id,
        mean: mu,
        sd: finiteOr(s?.sd, 0),
        folds: m.folds.flatMap((f) => {
          const v = pick(f.metrics);
          return Number.isFinite(v) ? [{ label: foldLabel(f, repeats), value: v }] : [];
        }),
      },
    ];
  });
}

/** Mean epochs run per fold, without decimals when whole. */
function epochs(m: MethodResult): string {
  const mean = m.folds.reduce((a, f) => a + finiteOr(f.epochsRun, 0), 0) / Math.max(1, m.folds.length);
  return Number.isInteger(mean) ? String(mean) : fixed(mean, 1);
}

function binaryHeader(view: ReportView): string {
  return view.report.task === 'multiclass' ? `BL vs PA4 acc. (${view.classLabels.length}-class model)` : 'BL vs PA4 acc.';
}

/** Whether the per-fold table is compact: accuracy only, one table per group of methods. */
function compact(view: ReportView): boolean {
  return view.methods.length > WIDE_PER_FOLD_METHODS;
}

/**
 * The per-fold tables: methods as rows, (repeat, fold) pairs as columns. Up to
 * `WIDE_PER_FOLD_METHODS` methods, one table of accuracy / macro-F1; above, accuracy only in one
 * table per group (teachers, then each student size), so no table grows both long and wide.
 */
function perFoldTables(view: ReportView): string {
  const pairs = foldPairs(view.methods);
  const headers = ['method', ...pairs.map((p) => foldLabel(p, view.repeats))];
  const cells = (m: MethodResult, both: boolean): string[] => [
    m.id,
    ...pairs.map((p) => {
      const f = foldAt(m, p);
      if (f === undefined) return '–';
      return both ? `${fixed(f.metrics.accuracy, 3)} / ${fixed(f.metrics.macroF1, 3)}` : fixed(f.metrics.accuracy, 3);
    }),
  ];
  if (!compact(view)) return table('per-fold', headers, view.methods.map((m) => cells(m, true)));
  const groups = new Map<string, MethodResult[]>();
  for (const m of view.methods) {
    const key = m.role === 'teacher' ? 'Teachers' : m.size === undefined ? 'Students' : `Size ${m.size}`;
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  return [...groups]
    .map(([title, methods]) => `<h3>${escapeHtml(title)}</h3>${table('per-fold', headers, methods.map((m) => cells(m, false)))}`)
    .join('');
}

/**
 * The dashed reference lines of one metric: teacher, CE-only student and, for accuracy, chance.
 *
 * @example
 * ```ts
 * references(view, (m) => m.summary.accuracy.mean, 0.2);
 * ```
 */
export function references(
  view: ReportView,
  value: (m: MethodResult) => number | undefined,
  chance: number | undefined,
): MetricReference[] {
  const refs: MetricReference[] = [];
  const t = view.teacher === undefined ? Number.NaN : finiteOr(value(view.teacher), Number.NaN);
  if (view.teacher !== undefined && Number.isFinite(t)) refs.push({ kind: 'teacher', label: 'teacher', value: t });
  const c = view.ce === undefined ? Number.NaN : finiteOr(value(view.ce), Number.NaN);
  const size = view.ce?.size === undefined ? '' : ` (${view.ce.size})`;
  if (view.ce !== undefined && Number.isFinite(c)) refs.push({ kind: 'ce', label: `CE-only student${size}`, value: c });
  if (chance !== undefined) refs.push({ kind: 'chance', label: 'chance', value: chance });
  return refs;
}

function missingReferences(view: ReportView): string {
  const missing = [...(view.teacher === undefined ? ['teacher'] : []), ...(view.ce === undefined ? ['CE-only student'] : [])];
  if (missing.length === 0) return '';
  const lines = missing.length === 1 ? 'its reference line is' : 'their reference lines are';
  return note('references', `This run has no ${missing.join(' and no ')}, so ${lines} not drawn.`);
}

/**
 * Renders the methods section.
 *
 * @example
 * ```ts
 * const html = await methodsSection(reportView(report), createChartContext());
 * ```
 */
export async function methodsSection(view: ReportView, ctx: ChartContext): Promise<string> {
  if (view.methods.length === 0) {
    return section('methods', 'Teacher and students', '', note('methods', 'This report holds no methods.'));
  }
  const nClasses = view.classLabels.length;
  const figures: string[] = [];
  for (const metric of METRICS) {
    const chance = metric.key === 'accuracy' && nClasses > 1 ? 1 / nClasses : undefined;
    const spec = metricBarsSpec({
      metric: metric.key === 'mae' ? 'MAE (0–4 pain scale)' : metric.title,
      bars: bars(view.methods, view.repeats, (m) => m[metric.key], (m) => m.summary[metric.key]),
      references: references(view, (m) => m.summary[metric.key]?.mean, chance),
      colors: view.colors,
      ...(metric.bounded ? { upperBound: 1 } : {}),
    });
    const dots = view.repeats > 1 ? '(repeat, fold) pairs' : 'folds';
    figures.push(await ctx.chart(metric.id, spec, metric.title, `${metric.caption}; bar = mean, black line = ± 1 sd, dots = ${dots}`));
  }
  const best = view.bestStudent;
  const withBinary = view.methods.some((m) => m.summary.binary !== undefined);
  const summaryRows = view.methods.map((m) => [
    m.id,
    m.arch,
    integer(m.params),
    meanSd(m.summary.accuracy, 3),
    meanSd(m.summary.macroF1, 3),
    meanSd(m.summary.mae, 3),
    meanSd(m.summary.rmse, 3),
    ...(withBinary ? [m.summary.binary === undefined ? '–' : meanSd(m.summary.binary.accuracy, 3)] : []),
    epochs(m),
    duration(m.trainMs),
  ]);
  const highlight = new Set(best === undefined ? [] : [view.methods.indexOf(best)]);
  const summary = table(
    'methods',
    ['method', 'net', 'params', 'accuracy', 'macro-F1', 'MAE', 'RMSE', ...(withBinary ? [binaryHeader(view)] : []), 'epochs', 'train time'],
    summaryRows,
    highlight,
  );
  const perFold = `<details data-details="per-fold"><summary>Per-${view.repeats > 1 ? '(repeat, fold)' : 'fold'} ${compact(view) ? 'accuracy' : 'accuracy / macro-F1'}</summary>${perFoldTables(view)}</details>`;
  const same = `Every method sees the same subject-grouped folds${view.repeats > 1 ? ` in each of ${view.repeats} CV repeats` : ''}, so the comparison is paired.`;
  const binaryNote = withBinary && view.report.task === 'multiclass' ? ` BL vs PA4: ${binaryScoringNote(view.classLabels.length)}.` : '';
  const lead = `${same}${best === undefined ? '' : ` Best student: ${best.id} (${meanSd(best.summary.accuracy, 3)} accuracy).`}${binaryNote}`;
  return section('methods', 'Teacher and students', lead, missingReferences(view) + grid(figures) + summary + perFold);
}
