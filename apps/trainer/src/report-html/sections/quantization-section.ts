/** @module fp32 vs int8 student, per fold: a dumbbell chart and the rows behind it. */
import type { QuantizationRow } from '@painkd/distill';
import { quantizationSpec } from '../charts/quantization-chart.js';
import { escapeHtml } from '../escape-html.js';
import { fixed } from '../format.js';
import { grid, note, section, table, type ChartContext } from '../html.js';
import type { ReportView } from '../report-view.js';

type Key = 'accuracy' | 'macroF1' | 'mae';
const KEYS: readonly Key[] = ['accuracy', 'macroF1', 'mae'];

function isFiniteRow(r: QuantizationRow): boolean {
  return KEYS.every((k) => Number.isFinite(r.fp32?.[k]) && Number.isFinite(r.int8?.[k]));
}

function signed(v: number): string {
  return `${v >= 0 ? '+' : '−'}${Math.abs(v).toFixed(3)}`;
}

/**
 * Mean accuracy lost by int8 over the rows, in percentage points (positive = int8 is worse).
 *
 * @example
 * ```ts
 * int8AccuracyLossPoints(report.quantization ?? []); // 0.4
 * ```
 */
export function int8AccuracyLossPoints(rows: readonly QuantizationRow[]): number | undefined {
  const usable = rows.filter(isFiniteRow);
  if (usable.length === 0) return undefined;
  return (usable.reduce((a, r) => a + (r.fp32.accuracy - r.int8.accuracy), 0) / usable.length) * 100;
}

/**
 * Renders the fp32-vs-int8 section, or a note when the run did not quantise.
 *
 * @example
 * ```ts
 * const html = await quantizationSection(reportView(report), createChartContext());
 * ```
 */
export async function quantizationSection(view: ReportView, ctx: ChartContext): Promise<string> {
  const heading = 'fp32 vs int8 student';
  const rows = (view.report.quantization ?? []).filter(isFiniteRow).sort((a, b) => a.fold - b.fold);
  if (rows.length === 0) {
    return section('quantization', heading, '', note('quantization', 'This run has no fp32-vs-int8 evaluation (the artifact step did not run or recorded nothing).'));
  }
  const mean = (pick: (r: QuantizationRow) => number): number => rows.reduce((a, r) => a + pick(r), 0) / rows.length;
  const cells = (pick: (k: Key) => (r: QuantizationRow) => [number, number]): string[] =>
    KEYS.flatMap((k) => {
      const [fp32, int8] = [mean((r) => pick(k)(r)[0]), mean((r) => pick(k)(r)[1])];
      return [fixed(fp32, 3), fixed(int8, 3), signed(int8 - fp32)];
    });
  const body = rows.map((r) => [
    `fold ${r.fold + 1}`,
    ...KEYS.flatMap((k) => [fixed(r.fp32[k], 3), fixed(r.int8[k], 3), signed(r.int8[k] - r.fp32[k])]),
  ]);
  body.push(['mean', ...cells((k) => (r) => [r.fp32[k], r.int8[k]])]);
  const headers = ['fold', 'acc. fp32', 'acc. int8', 'Δ', 'F1 fp32', 'F1 int8', 'Δ', 'MAE fp32', 'MAE int8', 'Δ'];
  const loss = int8AccuracyLossPoints(rows) ?? 0;
  const verdict = loss <= 1 ? 'within' : 'over';
  const figure = await ctx.chart('quantization', quantizationSpec(rows), 'fp32 vs int8 per fold', 'blue circle fp32, red diamond int8');
  const summary = `<p class="lead" data-int8-loss="${escapeHtml(loss.toFixed(2))}">int8 loses ${escapeHtml(loss.toFixed(2))} accuracy points on average (${verdict} the 1-point goal).</p>`;
  return section(
    'quantization',
    heading,
    'The same student before and after int8 static quantisation, on the same test folds.',
    summary + grid([figure]) + table('quantization', headers, body, new Set([body.length - 1])),
  );
}
