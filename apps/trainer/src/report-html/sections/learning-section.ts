/** @module Learning curves: train and validation loss per epoch, one small chart per method, one fold. */
import { foldLabel, repeatOf, type FoldResult, type MethodResult } from '@painkd/distill';
import { learningCurveSpec } from '../charts/learning-curve.js';
import { grid, note, section, type ChartContext } from '../html.js';
import type { ReportView } from '../report-view.js';

/**
 * Picks the fold whose curves are shown: the teacher's first fold (else the first method's), so
 * every method is shown on the same test subjects when it has that fold.
 *
 * @example
 * ```ts
 * shownFold(reportView(report)); // 0
 * ```
 */
export function shownFold(view: ReportView): number | undefined {
  const source = view.teacher ?? view.methods.find((m) => m.folds.length > 0);
  const folds = source?.folds.map((f) => f.fold) ?? [];
  return folds.length === 0 ? undefined : Math.min(...folds);
}

function foldOf(m: MethodResult, fold: number | undefined): FoldResult | undefined {
  return m.folds.find((f) => f.fold === fold && repeatOf(f) === 0) ?? m.folds[0];
}

/**
 * Renders the learning-curve section.
 *
 * @example
 * ```ts
 * const html = await learningSection(reportView(report), createChartContext());
 * ```
 */
export async function learningSection(view: ReportView, ctx: ChartContext): Promise<string> {
  const fold = shownFold(view);
  const figures: string[] = [];
  const without: string[] = [];
  for (const m of view.methods) {
    const f = foldOf(m, fold);
    const usable = f?.history.filter((h) => Number.isFinite(h.trainLoss) || Number.isFinite(h.valLoss)) ?? [];
    if (f === undefined || usable.length === 0) {
      without.push(m.id);
      continue;
    }
    const spec = learningCurveSpec({ history: usable });
    const caption = `${foldLabel(f, view.repeats)}, ${f.epochsRun} epoch${f.epochsRun === 1 ? '' : 's'}; dotted line = lowest validation loss`;
    figures.push(await ctx.chart('learning-curve', spec, m.id, caption, { method: m.id }));
  }
  const missing = without.length === 0 ? '' : note('learning-curves', `No epoch history recorded for: ${without.join(', ')}.`);
  const lead =
    fold === undefined
      ? 'Train and validation loss per epoch.'
      : `Train and validation loss per epoch on ${foldLabel({ repeat: 0, fold }, view.repeats)}. Distillation runs plot their combined training loss, so scales differ between methods.`;
  return section('learning', 'Learning curves', lead, grid(figures) + missing);
}
