import { describe, expect, it } from 'vitest';
import { renderReportMarkdown } from './report-markdown.js';
import { sampleReport } from '../testing/sample-report.js';

describe('renderReportMarkdown', () => {
  const md = renderReportMarkdown(sampleReport());

  it('has one summary row per method with mean ± sd, params and time', () => {
    expect(md).toContain('| `teacher` | teacher | teacher-cnn | 123,456 | 85.0 ± 7.1 | 80.0 ± 7.1 | 0.150 ± 0.071 | 0.350 ± 0.071 | 95.0 ± 7.1 | 90.0 ± 7.1 | 3.0 s |');
    expect(md).toContain('| `student-kd` | student | student-tiny | 4,321 | 70.0 ± 0.0 |');
  });

  it('reports the paired difference to the CE-only student and the per-fold table', () => {
    expect(md).toContain('| `student-kd` | +5.0 ± 7.1 | +5.0 ± 7.1 | 1 / 2 |');
    expect(md).toMatch(/\| 2 \| S001 \| 90\.0 \/ 85\.0 \(1 ep\) \| 70\.0 \/ 65\.0 \(1 ep\) \| 70\.0 \/ 65\.0 \(1 ep\) \|/);
    expect(md).toContain('1.1 min');
  });

  it('prints the summed confusion matrices with class labels', () => {
    expect(md).toContain('| BL1 | 6 | 2 |');
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
