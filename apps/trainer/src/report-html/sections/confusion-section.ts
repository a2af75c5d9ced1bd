/**
 * @module Confusion heat maps of the teacher, the best student and, when the artifact step
 * recorded one, the int8 student.
 */
import type { MethodResult, QuantizationRow } from '@painkd/distill';
import { confusionHeatmapSpec, isConfusionMatrix } from '../charts/confusion-heatmap.js';
import { grid, note, section, type ChartContext } from '../html.js';
import type { ReportView } from '../report-view.js';

/**
 * Sums the int8 confusion matrices of the quantisation rows, when every row carries one as
 * `int8.confusion`; otherwise `undefined`.
 *
 * @example
 * ```ts
 * int8Confusion(report.quantization ?? [], 5);
 * ```
 */
export function int8Confusion(rows: readonly QuantizationRow[], n: number): number[][] | undefined {
  if (rows.length === 0) return undefined;
  const sum = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (const row of rows) {
    const matrix: unknown = row.int8.confusion;
    if (!isConfusionMatrix(matrix, n)) return undefined;
    matrix.forEach((r, i) => r.forEach((c, j) => (sum[i][j] += c)));
  }
  return sum;
}

function foldsNote(m: MethodResult, repeats: number): string {
  if (repeats > 1) return `${m.id}, summed over ${m.folds.length} (repeat, fold) pairs: each window counted once per repeat`;
  return `${m.id}, summed over ${m.folds.length} fold${m.folds.length === 1 ? '' : 's'}`;
}

/**
 * Renders the confusion section.
 *
 * @example
 * ```ts
 * const html = await confusionSection(reportView(report), createChartContext());
 * ```
 */
export async function confusionSection(view: ReportView, ctx: ChartContext): Promise<string> {
  const n = view.classLabels.length;
  const figures: string[] = [];
  const notes: string[] = [];
  const candidates: { id: string; title: string; method: MethodResult | undefined; missing: string }[] = [
    { id: 'confusion-teacher', title: 'Teacher', method: view.teacher, missing: 'This run has no teacher.' },
    { id: 'confusion-best-student', title: 'Best student', method: view.bestStudent, missing: 'This run has no student.' },
  ];
  for (const c of candidates) {
    if (c.method === undefined) {
      notes.push(note(c.id, c.missing));
    } else if (!isConfusionMatrix(c.method.summary.confusion, n)) {
      notes.push(note(c.id, `${c.method.id} has no ${n}×${n} confusion matrix.`));
    } else {
      const spec = confusionHeatmapSpec({ labels: view.classLabels, matrix: c.method.summary.confusion });
      figures.push(await ctx.chart(c.id, spec, c.title, foldsNote(c.method, view.repeats), { method: c.method.id }));
    }
  }
  const quant = view.report.quantization ?? [];
  const int8 = int8Confusion(quant, n);
  if (int8 !== undefined) {
    const spec = confusionHeatmapSpec({ labels: view.classLabels, matrix: int8 });
    figures.push(await ctx.chart('confusion-int8', spec, 'int8 student', `summed over ${quant.length} folds`));
  } else {
    notes.push(
      note(
        'confusion-int8',
        quant.length === 0
          ? 'No int8 student was evaluated in this run.'
          : 'The int8 evaluation did not record a confusion matrix (quantization[].int8.confusion).',
      ),
    );
  }
  return section(
    'confusion',
    'Where the confusion is',
    'Rows are the true pain level, columns the prediction; colour is the share of the row, numbers are windows.',
    grid(figures) + notes.join(''),
  );
}
