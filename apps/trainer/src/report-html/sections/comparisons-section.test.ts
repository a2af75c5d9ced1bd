import type { ExperimentReport } from '@painkd/distill';
import { describe, expect, it } from 'vitest';
import { readReportFixture } from '../../../tests/report-html/fixtures.js';
import { createChartContext } from '../html.js';
import { reportView } from '../report-view.js';
import { comparisonsSection } from './comparisons-section.js';

async function render(report: ExperimentReport): Promise<{ html: string; warnings: readonly string[] }> {
  const ctx = createChartContext();
  const html = await comparisonsSection(reportView(report), ctx);
  return { html, warnings: ctx.warnings };
}

describe('comparisonsSection', () => {
  it('is empty without comparisons', async () => {
    const { comparisons: _none, ...report } = await readReportFixture('report-full.json');
    expect((await render(report)).html).toBe('');
  });

  it('gives a table per size with Δ, corrected CI, both p-values, pairs and the verdict words, and one chart', async () => {
    const report = await readReportFixture('report-privileged.json');
    const { html, warnings } = await render(report);
    expect(warnings).toEqual([]);
    expect(html.match(/<h3>Size (xs|m)<\/h3>/g)).toEqual(['<h3>Size xs</h3>', '<h3>Size m</h3>']);
    expect(html).toContain('same (repeat, fold) splits');
    expect(html).toContain('Nadeau &amp; Bengio 2003');
    expect(html).toContain('<b>Distillation vs CE-only: 1 of 4 comparisons better, 1 worse, 2 no detectable difference.</b>');
    const kd = report.comparisons?.find((c) => c.id === 'student-kd@m')?.paired;
    const ci = `[+${(100 * (kd?.corrected.ci.lower ?? 0)).toFixed(1)}, +${(100 * (kd?.corrected.ci.upper ?? 0)).toFixed(1)}]`;
    expect(html).toContain(`<td>student-kd</td><td>+${(100 * (kd?.meanDifference ?? 0)).toFixed(1)}</td><td>${ci}</td><td>0.031</td><td>0.031</td><td>6</td><td>better</td>`);
    expect(html).toContain('<td>worse</td>');
    expect(html.match(/<td>no detectable difference<\/td>/g)).toHaveLength(2);
    expect(html).not.toContain('data-note');
    expect(html.match(/data-chart="paired-differences"/g)).toHaveLength(1);
    expect(html).toContain('student-dkd · xs');
  });

  it('says why when too few pairs make any difference undetectable', async () => {
    const { html } = await render(await readReportFixture('report-full.json'));
    expect(html).not.toContain('<h3>');
    expect(html).toContain('data-note="comparisons-n"');
    expect(html).toContain('5 non-zero paired differences: no exact test can reach p &lt; 0.05 (smallest possible p 0.0625); add folds or repeats.');
  });

  it('shows an infinite interval (null in report.json) as ∞ and draws the dot without a line', async () => {
    const report = await readReportFixture('report-privileged.json');
    const comparisons = report.comparisons?.map((c, i) =>
      i === 0 ? { ...c, paired: { ...c.paired, corrected: { ...c.paired.corrected, ci: { ...c.paired.corrected.ci, lower: null, upper: null } } } } : c,
    ) as ExperimentReport['comparisons'];
    const { html, warnings } = await render({ ...report, comparisons });
    expect(warnings).toEqual([]);
    expect(html).toContain('<td>[−∞, +∞]</td>');
    expect(html).not.toMatch(/NaN|Infinity|null/);
  });
});
