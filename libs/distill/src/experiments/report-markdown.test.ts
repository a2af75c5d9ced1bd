import { describe, expect, it } from 'vitest';
import { renderReportMarkdown, WIDE_PER_FOLD_METHODS } from './report-markdown.js';
import type { ExperimentReport, MethodResult } from './report-types.js';
import { privilegedSampleReport, sampleReport } from '../testing/sample-report.js';

/** The privileged sample with `extra` more sizes, so it has more methods than the wide-table limit. */
function withMoreSizes(report: ExperimentReport, extra: readonly string[]): ExperimentReport {
  const students = report.methods.filter((m) => m.size === 'xs');
  const more: MethodResult[] = extra.flatMap((size) => students.map((m) => ({ ...m, id: `${m.method}@${size}`, size })));
  return { ...report, methods: [...report.methods, ...more] };
}

describe('renderReportMarkdown', () => {
  const md = renderReportMarkdown(sampleReport());

  it('has one summary row per method with mean ± sd, params and time', () => {
    expect(md).toContain('| `teacher` | teacher | teacher-cnn | 123,456 | 85.0 ± 7.1 | 80.0 ± 7.1 | 0.150 ± 0.071 | 0.350 ± 0.071 | 95.0 ± 7.1 | 90.0 ± 7.1 | 3.0 s |');
    expect(md).toContain('| `student-kd` | student | student-tiny | 4,321 | 70.0 ± 0.0 |');
  });

  it('reports the paired comparison with the CE-only student and the per-fold table', () => {
    expect(md).toContain('| `student-kd` | +5.0 | [−105.0, +115.0] | 0.317 | 1.000 | 2 | no detectable difference |');
    expect(md).toContain('**Distillation vs CE-only: 0 of 1 comparison better, 0 worse, 1 no detectable difference.**');
    expect(md).toMatch(/\| fold 2 \| S001 \| 90\.0 \/ 85\.0 \(1 ep\) \| 70\.0 \/ 65\.0 \(1 ep\) \| 70\.0 \/ 65\.0 \(1 ep\) \|/);
    expect(md).toContain('1.1 min');
  });

  it('prints the summed confusion matrices with class labels', () => {
    expect(md).toContain('| BL1 | 6 | 2 |');
  });

  it('keeps a default report free of views, size-sweep and transductive labels', () => {
    expect(md).not.toContain('## Input views');
    expect(md).not.toContain('## Student size sweep');
    expect(md).not.toContain('transductive');
    expect(md).not.toContain('-class model');
  });

  it('labels the BL1-vs-PA4 columns of a multiclass run as scored by the multiclass model', () => {
    const multi = renderReportMarkdown({ ...sampleReport(), task: 'multiclass', classLabels: ['BL1', 'PA1', 'PA2', 'PA3', 'PA4'] });
    expect(multi).toContain('| BL1 vs PA4 acc % (5-class model) | BL1 vs PA4 F1 % (5-class model) |');
    expect(multi).toContain('BL1 vs PA4 columns: scored by the 5-class model on BL1 and PA4 windows with its two logits (BL1, PA4) only, not by a model trained on the binary task.');
  });

  it('no comparisons, no comparison section (a report written before them)', () => {
    const { comparisons: _dropped, ...old } = sampleReport();
    expect(renderReportMarkdown(old)).not.toContain('## Paired comparison');
  });
  it('says int8 − fp32 as one signed difference per format, matching the per-fold rows', () => {
    const score = (accuracy: number, mae: number): { accuracy: number; macroF1: number; mae: number } => ({ accuracy, macroF1: accuracy - 0.1, mae });
    const quant = renderReportMarkdown({
      ...sampleReport(),
      quantization: [
        { fold: 0, fp32: score(0.5, 1), int8: score(0.504, 0.99), tfliteInt8: score(0.5, 1), calibration: { method: 'minmax' } },
        { fold: 1, fp32: score(0.4, 1.2), int8: score(0.4, 1.2), tfliteInt8: score(0.395, 1.25), calibration: { method: 'percentile', percentile: 99.99 } },
      ],
    });
    expect(quant).toContain('- ONNX int8 − fp32: accuracy +0.20 points, macro-F1 +0.20 points, MAE −0.005');
    expect(quant).toContain('- TFLite int8 − fp32: accuracy −0.25 points, macro-F1 −0.25 points, MAE +0.025');
    expect(quant).toContain('- Calibration (per fold, the shipped artifact\'s choice): minmax, percentile');
    expect(quant).toContain('| 1 | ONNX int8 | 50.4 | +0.4 | 40.4 | +0.4 | 0.990 | −0.010 |');
    expect(quant).toContain('| 2 | TFLite int8 | 39.5 | −0.5 | 29.5 | −0.5 | 1.250 | +0.050 |');
  });
});

describe('renderReportMarkdown on a privileged run', () => {
  const report = privilegedSampleReport();
  const md = renderReportMarkdown(report);

  it('describes the views and labels the subject-scoped one as transductive in the data lines', () => {
    expect(md).toContain('- Task: binary; cross-validation: group-kfold, 3 folds × 2 repeats (a fold seed each) grouped by subject (seed 1)');
    expect(md).toContain("- Normalisation scope 'subject' (view wrist) — transductive: per-subject statistics include the test subject's unlabelled windows.");
    expect(md).toContain('| `lab` | teacher | gsr:level, ecg:heart-rate, emg_trapezius:envelope, emg_corrugator:envelope, emg_zygomaticus:envelope | 32 Hz | 176 samples (5.50 s) | lab recording |');
    expect(md).toContain('| `wrist` | students | gsr:level | 4 Hz | 22 samples (5.50 s) | simulated wearable |');
  });

  it('tabulates method × size with the teachers as references and the footprints', () => {
    expect(md).toContain('| Method | `xs` (212 params) | `s` (640 params) |');
    expect(md).toContain('| `student-kd` | 70.8 ± 1.5 | 80.7 ± 1.4 |');
    expect(md).toContain("Teachers (the Pareto charts' reference lines): `teacher` (view lab) 89.5 ± 1.9 %, `teacher-gsr` (view lab-gsr) 85.0 ± 1.4 %.");
    expect(md).toContain('| `s` | 640 | 6,400 | 6.7 KB | 3.0 KB | 52 µs (onnxruntime-node) |');
    expect(md).toContain('| `teacher` (teacher, fp32) | 148,229 | 2,100,000 | 585.9 KB | – | 610 µs (onnxruntime-node) |');
  });

  it('gives one comparison table per size with every verdict in its own words, and the small-n reason', () => {
    expect(md).toContain('**Distillation vs CE-only: 1 of 4 comparisons better, 1 worse, 2 no detectable difference.**');
    expect(md).toMatch(/### Size `xs`[\s\S]*\| `student-dkd` \| −3\.0 \| \[−4\.9, −1\.1\] \| 0\.026 \| 0\.031 \| 6 \| worse \|[\s\S]*### Size `s`/);
    expect(md).toContain('| `student-kd` | +4.7 | [+3.6, +5.8] | 0.023 | 0.031 | 6 | better |');
    expect(md).toContain('| `student-dkd` | +0.2 | [−2.6, +3.0] | 0.739 | 1.000 | 6 | no detectable difference |');
    expect(md).toContain('No detectable difference for `student-kd`: 3 non-zero paired differences: no exact test can reach p < 0.05 (smallest possible p 0.25); add folds or repeats.');
    expect(md.match(/No detectable difference for/g)).toHaveLength(1);
    expect(md).toContain('same initial weights and batch order');
  });

  it('labels each row of the per-fold table with its repeat and fold', () => {
    expect(md).toContain('## Per repeat and fold');
    expect(md).toMatch(/\| r2 f3 \| S002 \| 87\.0 \/ 82\.0 \(1 ep\) \|/);
  });

  it('turns the per-fold table compact above the method limit: accuracy only, one table per size', () => {
    const wide = withMoreSizes(report, ['m', 'l']);
    expect(wide.methods.length).toBeGreaterThan(WIDE_PER_FOLD_METHODS);
    const text = renderReportMarkdown(wide);
    const perFold = text.slice(text.indexOf('## Per repeat and fold'), text.indexOf('## Confusion'));
    expect(perFold).toContain('| r1 f1 | S000 |');
    expect(perFold).toContain('**Teachers**, accuracy %');
    expect(perFold).toContain('| Method | r1 f1 | r1 f2 | r1 f3 | r2 f1 | r2 f2 | r2 f3 |');
    expect(perFold).toContain('| `student-dkd@l` | 67.0 | 70.0 | 64.0 | 68.0 | 65.0 | 68.0 |');
    expect(perFold.match(/\*\*Size `(xs|s|m|l)`\*\*/g)).toEqual(['**Size `xs`**', '**Size `s`**', '**Size `m`**', '**Size `l`**']);
    expect(Math.max(...perFold.split('\n').map((l) => l.split(' | ').length))).toBeLessThanOrEqual(8);
  });

  it('notes missing footprints instead of a cost table', () => {
    const { footprints: _none, ...bare } = report;
    const text = renderReportMarkdown(bare);
    expect(text).toContain('This report holds no footprints (`report.footprints`)');
    const noLatency = renderReportMarkdown({ ...report, footprints: report.footprints?.map(({ latencyUs: _l, ...f }) => f) });
    expect(noLatency).toContain('- Not on the latency p50 (µs) chart (not measured): `xs`, `s`.');
    expect(noLatency).toContain('| `xs` | 212 | 1,900 | 4.1 KB | 2.1 KB | – |');
  });
});
