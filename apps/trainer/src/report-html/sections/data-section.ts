/** @module The data section: facts about the cohort, windows per class and example traces. */
import { classCountsSpec, exampleTracesSpec } from '../charts/data-charts.js';
import { escapeHtml } from '../escape-html.js';
import { finiteOr, integer } from '../format.js';
import { grid, note, section, type ChartContext } from '../html.js';
import type { ReportView } from '../report-view.js';

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
    ['window', `${integer(data.windowSamples)} samples at ${rate} Hz${seconds}`],
    ['cross-validation', `${cv.scheme}, ${cv.folds} fold${cv.folds === 1 ? '' : 's'}, seed ${cv.seed}, subjects never shared between train and test`],
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
  return section(
    'data',
    'The data',
    'What the models were trained and tested on.',
    dl + grid(figures) + missing,
  );
}
