/**
 * @module fp32 vs int8 student, per fold and per int8 format (ONNX, TFLite): a dumbbell chart and
 * the rows behind it. Every comparison is said one way: the signed difference int8 − fp32 (the
 * same figure in the overview card, the lead sentence and the table's mean row).
 */
import { INT8_FORMATS, int8MinusFp32, int8Scores, signedDifference, signedPoints, type Int8Format, type QuantizationRow, type QuantizedScores } from '@painkd/distill';
import { quantizationSpec } from '../charts/quantization-chart.js';
import { escapeHtml } from '../escape-html.js';
import { fixed } from '../format.js';
import { grid, note, section, table, type ChartContext } from '../html.js';
import type { ReportView } from '../report-view.js';

type Key = 'accuracy' | 'macroF1' | 'mae';
const KEYS: readonly Key[] = ['accuracy', 'macroF1', 'mae'];

function isFinite(s: QuantizedScores | undefined): boolean {
  return s !== undefined && KEYS.every((k) => Number.isFinite(s[k]));
}

/** The rows usable for the comparison, by fold. */
function usableRows(rows: readonly QuantizationRow[]): QuantizationRow[] {
  return rows.filter((r) => isFinite(r.fp32) && isFinite(r.int8)).sort((a, b) => a.fold - b.fold);
}

/** The int8 formats every usable row carries. */
function formatsOf(rows: readonly QuantizationRow[]): typeof INT8_FORMATS {
  return rows.length === 0 ? [] : INT8_FORMATS.filter(({ format }) => rows.every((r) => isFinite(int8Scores(r, format))));
}

/**
 * Mean int8 − fp32 accuracy in percentage points per int8 format (positive = int8 better).
 *
 * @example
 * ```ts
 * int8MinusFp32Points(report.quantization ?? []); // [{ format: 'onnx', label: 'ONNX int8', points: 0.16 }]
 * ```
 */
export function int8MinusFp32Points(rows: readonly QuantizationRow[]): { format: Int8Format; label: string; points: number }[] {
  const usable = usableRows(rows);
  const diff = int8MinusFp32(usable);
  return formatsOf(usable).map(({ format, label }) => ({ format, label, points: diff[format]!.accuracy * 100 }));
}

function delta(value: number, key: Key): string {
  return key === 'mae' ? signedDifference(value, 3) : signedPoints(value, 2);
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
  const rows = usableRows(view.report.quantization ?? []);
  if (rows.length === 0) {
    return section('quantization', heading, '', note('quantization', 'This run has no fp32-vs-int8 evaluation (the artifact step did not run or recorded nothing).'));
  }
  const formats = formatsOf(rows);
  const diff = int8MinusFp32(rows);
  const headers = ['fold', 'model', 'accuracy', 'Δ acc. pts', 'macro-F1', 'Δ F1 pts', 'MAE', 'Δ MAE'];
  const body: string[][] = [];
  for (const r of rows) {
    body.push([`fold ${r.fold + 1}`, 'fp32', ...KEYS.flatMap((k) => [fixed(r.fp32[k], 3), ''])]);
    for (const { format, label } of formats) {
      const s = int8Scores(r, format)!;
      body.push([`fold ${r.fold + 1}`, label, ...KEYS.flatMap((k) => [fixed(s[k], 3), delta(s[k] - r.fp32[k], k)])]);
    }
  }
  const emphasised = new Set<number>();
  for (const { format, label } of formats) {
    const d = diff[format]!;
    emphasised.add(body.length);
    body.push(['mean', `${label} − fp32`, '', delta(d.accuracy, 'accuracy'), '', delta(d.macroF1, 'macroF1'), '', delta(d.mae, 'mae')]);
  }
  const figure = await ctx.chart('quantization', quantizationSpec(rows), 'fp32 vs ONNX int8 per fold', 'blue circle fp32, red diamond int8');
  const lead = formats
    .map(({ format, label }) => {
      const points = signedPoints(diff[format]!.accuracy, 2);
      const verdict = diff[format]!.accuracy * 100 >= -1 ? 'within' : 'outside';
      return `<p class="lead" data-int8-minus-fp32="${escapeHtml(format)}:${escapeHtml(points)}">${escapeHtml(label)} − fp32: ${escapeHtml(points)} accuracy points on average over ${rows.length} folds (${verdict} the goal of losing at most 1 point).</p>`;
    })
    .join('');
  const calibration = rows.every((r) => r.calibration) ? `Both int8 models of a fold use the calibration the shipped artifact uses (per fold: ${rows.map((r) => r.calibration!.method).join(', ')}).` : '';
  return section(
    'quantization',
    heading,
    `The same student before and after int8 static quantisation, on the same test folds and windows. Δ is int8 − fp32: positive accuracy and F1 mean int8 did better, positive MAE worse. ${calibration}`.trim(),
    lead + grid([figure]) + table('quantization', headers, body, emphasised),
  );
}
