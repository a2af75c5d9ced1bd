import { WIDE_PER_FOLD_METHODS, type ExperimentReport, type MethodResult } from '@painkd/distill';
import { describe, expect, it } from 'vitest';
import { readReportFixture } from '../../../tests/report-html/fixtures.js';
import { createChartContext } from '../html.js';
import { reportView } from '../report-view.js';
import { methodsSection } from './methods-section.js';

function perFold(html: string): string {
  return html.slice(html.indexOf('<details data-details="per-fold">'));
}

describe('methodsSection per-fold tables', () => {
  it('label each column with its repeat and fold', async () => {
    const report = await readReportFixture('report-privileged.json');
    const html = await methodsSection(reportView(report), createChartContext());
    expect(perFold(html)).toContain('<summary>Per-(repeat, fold) accuracy / macro-F1</summary>');
    expect(perFold(html)).toContain('<th scope="col">r1 f1</th><th scope="col">r1 f2</th><th scope="col">r1 f3</th><th scope="col">r2 f1</th>');
    expect(html).toContain('dots = (repeat, fold) pairs');
    expect(html).toContain('in each of 2 CV repeats');
  });

  it('turn compact above the method limit: accuracy only, one table per group, never 16 columns of two numbers', async () => {
    const report = await readReportFixture('report-privileged.json');
    const students = report.methods.filter((m) => m.size === 'xs');
    const more: MethodResult[] = ['s', 'l'].flatMap((size) => students.map((m) => ({ ...m, id: `${m.method}@${size}`, size })));
    const wide: ExperimentReport = { ...report, methods: [...report.methods, ...more] };
    expect(wide.methods.length).toBeGreaterThan(WIDE_PER_FOLD_METHODS);
    const ctx = createChartContext();
    const html = perFold(await methodsSection(reportView(wide), ctx));
    expect(ctx.warnings).toEqual([]);
    expect(html).toContain('<summary>Per-(repeat, fold) accuracy</summary>');
    expect(html.match(/<h3>[^<]+<\/h3>/g)).toEqual(['<h3>Teachers</h3>', '<h3>Size xs</h3>', '<h3>Size m</h3>', '<h3>Size s</h3>', '<h3>Size l</h3>']);
    expect(html).not.toMatch(/<td>\d\.\d{3} \/ /);
    const acc = wide.methods.find((m) => m.id === 'student-dkd@l')?.folds.map((f) => `<td>${f.metrics.accuracy.toFixed(3)}</td>`).join('');
    expect(html).toContain(`<td>student-dkd@l</td>${acc}</tr>`);
  });
});
