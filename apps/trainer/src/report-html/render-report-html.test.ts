import type { ExperimentReport, MethodResult } from '@painkd/distill';
import { describe, expect, it } from 'vitest';
import { fullReportChartIds, privilegedReportChartIds, readLatencyFixture, readReportFixture } from '../../tests/report-html/fixtures.js';
import { sampleReport } from '../../tests/report-html/sample-report.js';
import { ReportHtmlError } from './errors.js';
import { escapeHtml } from './escape-html.js';
import { parseLatency } from './latency.js';
import { buildReportPage, renderReportHtml } from './render-report-html.js';

/** `data-chart` values in page order, with repeats. */
function chartIds(html: string): string[] {
  return [...html.matchAll(/<figure class="chart" data-chart="([^"]+)"/g)].map((m) => m[1] ?? '');
}

function notes(html: string): string[] {
  return [...html.matchAll(/data-note="([^"]+)"/g)].map((m) => m[1] ?? '');
}

/** Each figure's SVG, keyed by `data-chart` (+ `data-method` for repeated charts). */
function figures(html: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of html.matchAll(/<figure class="chart" data-chart="([^"]+)"(?: data-method="([^"]+)")?>([\s\S]*?)<\/figure>/g)) {
    out.set(m[2] === undefined ? (m[1] ?? '') : `${m[1]}:${m[2]}`, m[3] ?? '');
  }
  return out;
}

function withMethods(report: ExperimentReport, methods: readonly MethodResult[]): ExperimentReport {
  return { ...report, methods };
}

describe('buildReportPage', () => {
  it('draws every chart of a full run, warning-free, with no script and no external reference', async () => {
    const report = await readReportFixture('report-full.json');
    const { html, warnings } = await buildReportPage(report, parseLatency(await readLatencyFixture()));
    expect(warnings).toEqual([]);
    expect(chartIds(html)).toEqual(fullReportChartIds(report));
    expect(notes(html)).toEqual(['comparisons-n']);
    for (const [id, svg] of figures(html)) {
      expect(svg, id).toMatch(/<\/figcaption><svg [^>]*viewBox="0 0 \d+(\.\d+)? \d+(\.\d+)?"/);
      expect(svg, id).toMatch(/class="mark-(rect|line|symbol|rule|text|area)[^"]*role-mark/);
    }
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\b(src|href)="(?!#)/);
    expect(html).not.toMatch(/NaN|Infinity|undefined/);
    expect(html).toContain("Content-Security-Policy\" content=\"default-src 'none'");
  });

  it('marks the best student, the teacher and CE references, and the int8 cost', async () => {
    const report = await readReportFixture('report-full.json');
    const html = await renderReportHtml(report, { latency: await readLatencyFixture() });
    const best = [...report.methods]
      .filter((m) => m.role === 'student')
      .sort((a, b) => b.summary.accuracy.mean - a.summary.accuracy.mean)[0];
    expect(best).toBeDefined();
    expect(figures(html).get(`confusion-best-student:${best?.id}`)).toMatch(/mark-rect/);
    expect(html).toContain(`data-chart="confusion-best-student" data-method="${best?.id}"`);
    const teacherAcc = report.methods.find((m) => m.id === 'teacher')?.summary.accuracy.mean.toFixed(3);
    const ceAcc = report.methods.find((m) => m.id === 'student-ce')?.summary.accuracy.mean.toFixed(3);
    const accuracy = figures(html).get('accuracy') ?? '';
    expect(accuracy).toContain(`teacher ${teacherAcc}`);
    expect(accuracy).toContain(`CE-only student ${ceAcc}`);
    expect(accuracy).toContain('chance 0.200');
    const rows = report.quantization ?? [];
    const int8MinusFp32 = (rows.reduce((a, r) => a + r.int8.accuracy - r.fp32.accuracy, 0) / rows.length) * 100;
    const said = `${int8MinusFp32 < 0 ? '−' : '+'}${Math.abs(int8MinusFp32).toFixed(2)}`;
    expect(html).toContain(`data-int8-minus-fp32="onnx:${said}"`);
    expect(html).toMatch(new RegExp(`data-card="int8"[^]*?<div class="v">${said}</div>`));
    expect(html).toContain(`<td>mean</td><td>ONNX int8 − fp32</td><td></td><td>${said}</td>`);
    expect(html).toMatch(/data-card="speed-up"[\s\S]*?35\.9×/);
  });

  it('keeps a default run free of size-sweep and view sections, with a compact comparison table', async () => {
    const report = await readReportFixture('report-full.json');
    const html = await renderReportHtml(report, { latency: await readLatencyFixture() });
    expect(html).not.toContain('data-section="sizes"');
    expect(html).not.toContain('href="#sizes"');
    expect(html).not.toContain('data-table="views"');
    expect(html).not.toContain('transductive');
    expect(html).toContain('href="#comparisons"');
    expect(html.match(/data-table="comparisons"/g)).toHaveLength(1);
    expect(html).toContain('No detectable difference for student-kd, student-cosine, student-fitnets, student-dkd: 5 non-zero paired differences');
    expect(html).toMatch(/data-card="verdicts"[\s\S]*?0 of 4 better[\s\S]*?0 worse, 4 no detectable difference/);
    expect(html).toContain('<th scope="col">BL vs PA4 acc. (5-class model)</th>');
    expect(html).toContain('<h2>Baseline vs PA4 (5-class model)</h2>');
    expect(html).toContain('scored by the 5-class model on BL1 and PA4 windows with its two logits (BL1, PA4) only, not by a model trained on the binary task');
  });

  it('draws every chart of a privileged run: views, transductive label, size sweep, paired comparisons, cards', async () => {
    const report = await readReportFixture('report-privileged.json');
    const { html, warnings } = await buildReportPage(report, parseLatency(await readLatencyFixture()));
    expect(warnings).toEqual([]);
    expect(chartIds(html)).toEqual(privilegedReportChartIds(report));
    expect(notes(html)).toEqual(['transductive', 'binary']);
    expect(html).toContain(escapeHtml("Normalisation scope 'subject' (view wrist) — transductive: per-subject statistics include the test subject's unlabelled windows."));
    expect(html).toMatch(/<a href="#data">Data<\/a> · <a href="#methods">Methods<\/a> · <a href="#sizes">Sizes<\/a> · <a href="#comparisons">Paired Δ<\/a> · <a href="#binary">/);
    expect(html).toContain('<td>wrist</td><td>students</td><td>4 Hz</td><td>22 (5.50 s)</td><td>simulated wearable</td><td>gsr:level</td>');
    expect(html).toContain('<dt>cross-validation</dt><dd>group-kfold, 3 folds × 2 repeats (a fold seed each), seed 7');
    expect(html).toMatch(/data-card="teacher"[\s\S]*?lab: 5 channels at 32 Hz/);
    expect(html).toMatch(/data-card="reference-teacher"[\s\S]*?teacher-gsr, lab-gsr: gsr:level at 32 Hz/);
    expect(html).toMatch(/data-card="best-student"[\s\S]*?student-kd@m[\s\S]*?wrist: gsr:level at 4 Hz, 22 samples, simulated wearable/);
    expect(html).toMatch(/data-card="gap"[\s\S]*?vs CE-only student \(m\)/);
    expect(html).toMatch(/data-card="verdicts"[\s\S]*?1 of 4 better[\s\S]*?1 worse, 2 no detectable difference/);
    expect(figures(html).get('accuracy')).toContain('CE-only student (m) ');
    expect(html).not.toMatch(/NaN|Infinity|undefined/);
  });

  it('stays correct with one fold (sd 0) and missing methods: no CE line, notes instead of charts', async () => {
    const report = await readReportFixture('report-one-fold.json');
    expect(report.methods.map((m) => m.id)).toEqual(['teacher', 'student-kd', 'student-cosine', 'student-dkd']);
    const { html, warnings } = await buildReportPage(report, parseLatency(undefined));
    expect(warnings).toEqual([]);
    expect(chartIds(html)).toEqual([
      'class-counts',
      'example-traces',
      'accuracy',
      'macro-f1',
      'mae',
      'confusion-teacher',
      'confusion-best-student',
      'learning-curve',
      'learning-curve',
      'learning-curve',
      'learning-curve',
      'quantization',
    ]);
    expect(notes(html).sort()).toEqual(['binary', 'confusion-int8', 'latency', 'references']);
    expect(html).toContain('This run has no CE-only student, so its reference line is not drawn.');
    expect(html).not.toContain('CE-only student 0.');
    expect(html).toContain('± 0.000');
    expect(html).not.toMatch(/NaN|Infinity|undefined/);
  });

  it('renders a run whose main task is baseline vs PA4: 2×2 matrices, chance 0.5, a note for the binary section', async () => {
    const report = sampleReport({ task: 'binary', folds: 3, methods: ['teacher', 'student-ce', 'student-kd'], int8Confusion: true });
    const { html, warnings } = await buildReportPage(report, parseLatency(undefined));
    expect(warnings).toEqual([]);
    expect(chartIds(html)).toEqual(expect.arrayContaining(['accuracy', 'confusion-teacher', 'confusion-best-student', 'confusion-int8']));
    expect(chartIds(html)).not.toContain('binary-accuracy');
    expect(html).toContain('the charts above are the binary results');
    expect(figures(html).get('accuracy')).toContain('chance 0.500');
    expect(figures(html).get('mae')).toContain('MAE (0–4 pain scale)');
    expect(figures(html).get('confusion-teacher:teacher')?.match(/aria-roledescription="rect mark"/g)).toHaveLength(4);
  });

  it('treats a null sd (NaN written to JSON) as zero', async () => {
    const report = await readReportFixture('report-one-fold.json');
    const broken = JSON.parse(JSON.stringify(report).replaceAll('"sd":0', '"sd":null')) as ExperimentReport;
    const { html, warnings } = await buildReportPage(broken, parseLatency(undefined));
    expect(warnings).toEqual([]);
    expect(chartIds(html)).toContain('accuracy');
    expect(html).not.toMatch(/NaN/);
  });

  it('renders without a teacher: notes for its confusion matrix and reference line', async () => {
    const report = await readReportFixture('report-full.json');
    const { html, warnings } = await buildReportPage(
      withMethods(report, report.methods.filter((m) => m.role !== 'teacher')),
      parseLatency(undefined),
    );
    expect(warnings).toEqual([]);
    expect(notes(html)).toContain('confusion-teacher');
    expect(chartIds(html)).not.toContain('confusion-teacher');
    expect(figures(html).get('accuracy')).not.toContain('teacher 0.');
    expect(html).toContain('This run has no teacher, so its reference line is not drawn.');
  });

  it('renders a report without methods as notes only', async () => {
    const report = await readReportFixture('report-one-fold.json');
    const { html } = await buildReportPage({ ...withMethods(report, []), quantization: [] }, parseLatency(undefined));
    expect(chartIds(html)).toEqual(['class-counts', 'example-traces']);
    expect(notes(html)).toEqual(expect.arrayContaining(['methods', 'binary', 'confusion-teacher', 'confusion-best-student', 'quantization']));
  });

  it('escapes every report string (XSS-safe) in text, attributes and charts', async () => {
    const report = await readReportFixture('report-one-fold.json');
    const evil = '<img src=x onerror=alert(1)>"\'&';
    const methods = report.methods.map((m, i) => (i === 1 ? { ...m, id: evil, arch: '</style><script>alert(2)</script>' } : m));
    const hostile: ExperimentReport = {
      ...withMethods(report, methods),
      classLabels: ['BL', 'PA1', '<b>PA2</b>', 'PA3', 'PA4'],
      createdAt: '</title><script>alert(3)</script>',
      config: { note: '<iframe src="https://evil.example">' },
      data: { ...report.data, root: '"><svg onload=alert(4)>' },
    };
    const html = await renderReportHtml(hostile);
    expect(html).not.toMatch(/<(script|img|iframe)|<b>PA2|<svg onload|<\/style><script/i);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;b&gt;PA2&lt;/b&gt;');
    expect(html).toContain('&lt;/title&gt;&lt;script&gt;');
  });

  it('rejects a report that is not a painkd report with a coded error', async () => {
    const bad = { schemaVersion: 2, methods: 'none' } as unknown as ExperimentReport;
    await expect(renderReportHtml(bad)).rejects.toMatchObject({
      name: 'ReportHtmlError',
      code: 'REPORT_HTML_BAD_REPORT',
      message: expect.stringContaining('schemaVersion is 2'),
    });
    await expect(renderReportHtml(bad)).rejects.toBeInstanceOf(ReportHtmlError);
  });

  it('renders the same page twice for the same report (deterministic)', async () => {
    const report = await readReportFixture('report-one-fold.json');
    const [a, b] = [await renderReportHtml(report), await renderReportHtml(report)];
    expect(a.length).toBeGreaterThan(10_000);
    expect(a === b).toBe(true);
  });
});
