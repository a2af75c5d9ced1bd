/** @module The binary task of the literature, baseline vs PA4: accuracy and macro-F1 per method. */
import { binaryScoringNote, foldLabel, type MethodResult } from '@painkd/distill';
import { metricBarsSpec, type MetricBar } from '../charts/metric-bars.js';
import { finiteOr } from '../format.js';
import { grid, note, section, type ChartContext } from '../html.js';
import type { ReportView } from '../report-view.js';
import { references } from './methods-section.js';

type BinaryKey = 'accuracy' | 'macroF1';

function binaryBars(methods: readonly MethodResult[], key: BinaryKey, repeats: number): MetricBar[] {
  return methods.flatMap((m) => {
    const s = m.summary.binary?.[key];
    const mean = finiteOr(s?.mean, Number.NaN);
    if (!Number.isFinite(mean)) return [];
    return [
      {
        method: m.id,
        mean,
        sd: finiteOr(s?.sd, 0),
        folds: m.folds.flatMap((f) => {
          const v = f.binary?.[key];
          return typeof v === 'number' && Number.isFinite(v) ? [{ label: foldLabel(f, repeats), value: v }] : [];
        }),
      },
    ];
  });
}

/**
 * Renders the baseline-vs-PA4 section, or a note when no method was evaluated on it.
 *
 * @example
 * ```ts
 * const html = await binarySection(reportView(report), createChartContext());
 * ```
 */
export async function binarySection(view: ReportView, ctx: ChartContext): Promise<string> {
  const heading = view.report.task === 'multiclass' ? `Baseline vs PA4 (${view.classLabels.length}-class model)` : 'Baseline vs PA4 (binary)';
  const lead =
    view.report.task === 'multiclass'
      ? `The task most GSR papers report: no pain against the strongest stimulus, ${binaryScoringNote(view.classLabels.length)}.`
      : 'The task most GSR papers report: no pain against the strongest stimulus.';
  const metrics = [
    { key: 'accuracy' as const, id: 'binary-accuracy', title: 'BL vs PA4 accuracy', chance: 0.5 },
    { key: 'macroF1' as const, id: 'binary-macro-f1', title: 'BL vs PA4 macro-F1', chance: undefined },
  ];
  const figures: string[] = [];
  for (const metric of metrics) {
    const bars = binaryBars(view.methods, metric.key, view.repeats);
    if (bars.length === 0) continue;
    const spec = metricBarsSpec({
      metric: metric.title,
      bars,
      references: references(view, (m) => m.summary.binary?.[metric.key].mean, metric.chance),
      colors: view.colors,
      upperBound: 1,
    });
    figures.push(await ctx.chart(metric.id, spec, metric.title, `bar = mean, black line = ± 1 sd, dots = ${view.repeats > 1 ? '(repeat, fold) pairs' : 'folds'}`));
  }
  if (figures.length === 0) {
    const why =
      view.report.task === 'binary'
        ? 'This run trained on baseline vs PA4 itself: the charts above are the binary results.'
        : 'No method in this run was evaluated on baseline vs PA4.';
    return section('binary', heading, lead, note('binary', why));
  }
  const without = view.methods.filter((m) => m.summary.binary === undefined).map((m) => m.id);
  const partial = without.length === 0 ? '' : note('binary-partial', `Not evaluated on the binary task: ${without.join(', ')}.`);
  return section('binary', heading, lead, partial + grid(figures));
}
