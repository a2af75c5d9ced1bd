import { describe, expect, it } from 'vitest';
import { sizeSweepMarkdown } from './report-markdown-sweep.js';
import { privilegedSampleReport, sampleReport } from '../testing/sample-report.js';

describe('sizeSweepMarkdown', () => {
  it('is empty without a size family', () => {
    expect(sizeSweepMarkdown(sampleReport())).toEqual([]);
  });

  it('prints a params range when the methods of a size differ in parameters', () => {
    const report = privilegedSampleReport();
    const methods = report.methods.map((m) => (m.id === 'student-kd@xs' ? { ...m, params: 230 } : m));
    const lines = sizeSweepMarkdown({ ...report, methods });
    expect(lines).toContain('| Method | `xs` (212–230 params) | `s` (640 params) |');
    expect(lines).not.toContain('- Not on the int8 file size (bytes) chart (not measured): `xs`.');
  });

  it('lists a size without a footprint on every axis and keeps its params', () => {
    const report = privilegedSampleReport();
    const lines = sizeSweepMarkdown({ ...report, footprints: report.footprints?.filter((f) => f.id !== 'xs') });
    expect(lines).toContain('| `xs` | 212 | – | – | – | – |');
    expect(lines).toContain('- Not on the MACs per window chart (not measured): `xs`.');
  });
});
