import type { ExperimentReport } from '@painkd/distill';
import { describe, expect, it } from 'vitest';
import { readReportFixture } from '../../../tests/report-html/fixtures.js';
import { createChartContext } from '../html.js';
import { reportView } from '../report-view.js';
import { sizeSweepSection } from './size-sweep-section.js';

async function render(report: ExperimentReport): Promise<{ html: string; warnings: readonly string[] }> {
  const ctx = createChartContext();
  const html = await sizeSweepSection(reportView(report), ctx);
  return { html, warnings: ctx.warnings };
}

const chartIds = (html: string): string[] => [...html.matchAll(/data-chart="([^"]+)"/g)].map((m) => m[1] ?? '');
const noteIds = (html: string): string[] => [...html.matchAll(/data-note="([^"]+)"/g)].map((m) => m[1] ?? '');

describe('sizeSweepSection', () => {
  it('is empty for a run without a size family', async () => {
    expect((await render(await readReportFixture('report-full.json'))).html).toBe('');
  });

  it('tabulates method × size, draws the three Pareto charts with both teachers, and lists the footprints', async () => {
    const report = await readReportFixture('report-privileged.json');
    const { html, warnings } = await render(report);
    expect(warnings).toEqual([]);
    expect(chartIds(html)).toEqual(['pareto-int8-size', 'pareto-macs', 'pareto-latency']);
    expect(noteIds(html)).toEqual([]);
    const kd = report.methods.find((m) => m.id === 'student-kd@m');
    expect(html).toContain('<th scope="col">xs · 212 params</th><th scope="col">m · 1\u202f530 params</th>');
    expect(html).toContain(`<td>student-kd</td><td>`);
    expect(html).toContain(`${kd?.summary.accuracy.mean.toFixed(3)} ± ${kd?.summary.accuracy.sd.toFixed(3)}</td></tr>`);
    const teacher = report.methods.find((m) => m.id === 'teacher')?.summary.accuracy.mean.toFixed(3);
    expect(html).toContain(`teacher (lab) ${teacher}`);
    expect(html).toMatch(/teacher-gsr \(lab-gsr\) 0\.\d{3}/);
    expect(html).toContain('<td>m</td><td>1\u202f530</td><td>15\u202f800</td><td>9.4 KB</td><td>3.9 KB</td><td>44 µs (onnxruntime-node)</td>');
    expect(html).toContain('<td>teacher (fp32)</td>');
  });

  it('notes missing footprints or latency instead of drawing a broken chart', async () => {
    const report = await readReportFixture('report-privileged.json');
    const { footprints: _none, ...bare } = report;
    const none = await render(bare);
    expect(chartIds(none.html)).toEqual([]);
    expect(noteIds(none.html)).toEqual(['pareto']);
    expect(none.html).toContain('<td>xs</td><td>212</td><td>–</td>');

    const noLatency = await render({ ...report, footprints: report.footprints?.map(({ latencyUs: _l, ...f }) => f) });
    expect(noLatency.warnings).toEqual([]);
    expect(chartIds(noLatency.html)).toEqual(['pareto-int8-size', 'pareto-macs']);
    expect(noteIds(noLatency.html)).toEqual(['pareto-latency']);

    const oneSize = await render({ ...report, footprints: report.footprints?.filter((f) => f.id !== 'm') });
    expect(oneSize.warnings).toEqual([]);
    expect(chartIds(oneSize.html)).toHaveLength(3);
    expect(oneSize.html).toContain('not measured: m');
  });
});
