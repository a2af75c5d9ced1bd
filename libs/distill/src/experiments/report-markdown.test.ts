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
});
