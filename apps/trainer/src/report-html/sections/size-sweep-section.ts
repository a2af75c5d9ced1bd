/**
 * @module The student-size sweep: accuracy per method × size, each size's deployment cost, and
 * the Pareto charts (accuracy against int8 file size, MACs and measured latency).
 */
import { PARETO_AXES, paretoPoints, sizeSweep, sweepCell, type Footprint, type SizeSweep } from '@painkd/distill';
import { paretoSpec, type ParetoReference } from '../charts/pareto-chart.js';
import { bytes, finiteOr, fixed, integer, meanSd } from '../format.js';
import { grid, note, section, table, type ChartContext } from '../html.js';
import { methodOf, type ReportView } from '../report-view.js';
import type { MethodColors } from '../theme.js';

function paramsRange(s: SizeSweep['sizes'][number]): string {
  return s.params.min === s.params.max ? integer(s.params.min) : `${integer(s.params.min)}–${integer(s.params.max)}`;
}

/** The colours of the sweep's methods: each method's colour in the report's id-keyed scale. */
function methodScale(view: ReportView, sweep: SizeSweep): MethodColors {
  const range = sweep.methods.map((method) => {
    const i = view.methods.findIndex((m) => m.role === 'student' && methodOf(m) === method);
    return view.colors.range[i] ?? '#6b7280';
  });
  return { domain: sweep.methods, range };
}

function references(view: ReportView, sweep: SizeSweep): ParetoReference[] {
  return sweep.teachers.flatMap((t) => {
    const value = finiteOr(t.summary.accuracy?.mean, Number.NaN);
    if (!Number.isFinite(value)) return [];
    const v = view.viewOf(t);
    return [{ label: `${t.id}${v === undefined ? '' : ` (${v.name})`} ${value.toFixed(3)}`, value }];
  });
}

function latency(f: Footprint | undefined): string {
  const l = f?.latencyUs;
  return l !== undefined && Number.isFinite(l.p50) ? `${fixed(l.p50, 0)} µs (${l.runtime})` : '–';
}

function footprintTable(sweep: SizeSweep): string {
  const rows = sweep.sizes.map((s) => {
    const f = s.footprint;
    return [s.id, f ? integer(f.params) : paramsRange(s), f ? integer(f.macs) : '–', f ? bytes(f.fp32Bytes) : '–', f?.int8Bytes !== undefined ? bytes(f.int8Bytes) : '–', latency(f)];
  });
  const t = sweep.teacherFootprint;
  if (t) rows.push([`${t.id} (fp32)`, integer(t.params), integer(t.macs), bytes(t.fp32Bytes), '–', latency(t)]);
  return table('footprints', ['net', 'params', 'MACs', 'fp32 file', 'int8 file', 'latency p50'], rows);
}

async function paretoCharts(view: ReportView, sweep: SizeSweep, ctx: ChartContext): Promise<string> {
  if (!sweep.sizes.some((s) => s.footprint !== undefined)) {
    return note('pareto', 'This report holds no footprints (report.footprints): file sizes, MACs and latency were not measured, so there is no Pareto chart.');
  }
  const colors = methodScale(view, sweep);
  const refs = references(view, sweep);
  const figures: string[] = [];
  const notes: string[] = [];
  for (const axis of PARETO_AXES) {
    const { points, missing } = paretoPoints(sweep, axis);
    if (points.length === 0) {
      notes.push(note(`pareto-${axis.id}`, `No ${axis.title} in this report's footprints, so that Pareto chart is not drawn.`));
      continue;
    }
    const gap = missing.length === 0 ? '' : `; not measured: ${missing.join(', ')}`;
    const spec = paretoSpec({ xTitle: `${axis.title}, log scale`, points, references: refs, colors });
    figures.push(await ctx.chart(`pareto-${axis.id}`, spec, `Accuracy vs ${axis.title}`, `one line per method, whiskers ± 1 sd, dashed = teachers${gap}`));
  }
  return grid(figures) + notes.join('');
}

/**
 * Renders the size-sweep section, or '' when no student has a size.
 *
 * @example
 * ```ts
 * const html = await sizeSweepSection(reportView(report), createChartContext());
 * ```
 */
export async function sizeSweepSection(view: ReportView, ctx: ChartContext): Promise<string> {
  const sweep = sizeSweep(view.report);
  if (sweep === undefined) return '';
  const pairs = sweep.cells[0]?.result.folds.length ?? 0;
  const rows = sweep.methods.map((method) => [
    method,
    ...sweep.sizes.map((s) => {
      const cell = sweepCell(sweep, method, s.id);
      return cell === undefined ? '–' : meanSd(cell.result.summary.accuracy, 3);
    }),
  ]);
  const sizes = table('size-sweep', ['method', ...sweep.sizes.map((s) => `${s.id} · ${paramsRange(s)} params`)], rows);
  const teachers = sweep.teachers.map((t) => `${t.id} ${meanSd(t.summary.accuracy, 3)}`).join(', ');
  const lead =
    `Accuracy (mean ± sd over ${pairs} (repeat, fold) pairs) of every method at every student size, and what each size costs to deploy.` +
    (teachers === '' ? '' : ` Teachers: ${teachers}.`);
  return section('sizes', 'Student size sweep', lead, sizes + (await paretoCharts(view, sweep, ctx)) + footprintTable(sweep));
}
