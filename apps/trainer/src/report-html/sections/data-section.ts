/**
 * @module The data section: facts about the cohort, the input view each teacher and the students
 * saw, the transductive label of subject-scoped normalisation, windows per class and example traces.
 */
import { describedViews, sensorLabel, transductiveNote } from '@painkd/distill';
import { classCountsSpec, exampleTracesSpec } from '../charts/data-charts.js';
import { escapeHtml } from '../escape-html.js';
import { finiteOr, integer } from '../format.js';
import { grid, note, section, table, type ChartContext } from '../html.js';
import type { ReportView } from '../report-view.js';

/** The input views of a run whose teacher and students do not share one lab view; '' otherwise. */
function viewsTable(view: ReportView): string {
  const views = describedViews(view.report);
  if (views.length === 0) return '';
  const rows = views.map((v) => [
    v.name,
    v.seenBy.join(', '),
    `${v.sampleRate} Hz`,
    `${integer(v.windowSamples)}${v.sampleRate > 0 ? ` (${(v.windowSamples / v.sampleRate).toFixed(2)} s)` : ''}`,
    sensorLabel(v),
    v.channels.join(', '),
  ]);
  return (
    '<h3>Input views</h3><p class="lead">Every view is cut from the same recordings: window i of one view is window i of every other.</p>' +
    table('views', ['view', 'seen by', 'rate', 'samples', 'sensor', 'channels'], rows)
  );
}

/**
 * Renders the data section.
 *
 * @example
 * ```ts
 * const html = await dataSection(reportView(report), createChartContext());
 * ```
 */
export async function dataSection(view: ReportView, ctx: ChartContext): Promise<string> {
  const { data, cv } = view.report;
  const counts = data.windowsPerClass.map((c) => finiteOr(c, 0));
  const total = counts.reduce((a, b) => a + b, 0);
  const rate = finiteOr(data.sampleRate, 0);
  const seconds = rate > 0 ? ` (${(finiteOr(data.windowSamples, 0) / rate).toFixed(2)} s)` : '';
  const facts: [string, string][] = [
    ['source', `${data.source} — ${data.root}`],
    ['subjects', integer(data.subjects)],
    ['windows', `${integer(total)} in ${counts.length} classes`],
    [describedViews(view.report).length > 0 ? "students' window" : 'window', `${integer(data.windowSamples)} samples at ${rate} Hz${seconds}`],
    [
      'cross-validation',
      `${cv.scheme}, ${cv.folds} fold${cv.folds === 1 ? '' : 's'}${view.repeats > 1 ? ` × ${view.repeats} repeats (a fold seed each)` : ''}, seed ${cv.seed}, subjects never shared between train and test`,
    ],
  ];
  const dl = `<dl class="facts">${facts.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>`;
  const figures = [
    await ctx.chart(
      'class-counts',
      classCountsSpec(view.classLabels, counts),
      'Windows per class',
      'all subjects, before the folds split them',
    ),
  ];
  const examples = data.examples.filter((e) => e.samples.length > 1);
  if (examples.length > 0) {
    figures.push(
      await ctx.chart(
        'example-traces',
        exampleTracesSpec(examples),
        'Example GSR window per pain level',
        'after preprocessing, as the nets see it',
      ),
    );
  }
  const means = (data.classMeans ?? []).filter((e) => e.samples.length > 1);
  if (means.length > 0) {
    figures.push(
      await ctx.chart(
        'class-mean-traces',
        exampleTracesSpec(means, (e) => e.label),
        'Mean GSR window per pain level',
        'every window of the class averaged, after preprocessing: the response the nets can learn',
      ),
    );
  }
  const missing = examples.length === 0 ? note('example-traces', 'This report holds no example traces.') : '';
  const transductive = transductiveNote(view.report);
  return section(
    'data',
    'The data',
    'What the models were trained and tested on.',
    dl + (transductive === undefined ? '' : note('transductive', transductive)) + viewsTable(view) + grid(figures) + missing,
  );
}
