import { describe, expect, it } from 'vitest';
import { comparisonsMarkdown } from './report-markdown-comparisons.js';
import { privilegedSampleReport, sampleReport } from '../testing/sample-report.js';

describe('comparisonsMarkdown', () => {
  it('is empty without comparisons', () => {
    expect(comparisonsMarkdown({ ...sampleReport(), comparisons: [] })).toEqual([]);
  });

  it('has no size headings without a size family, one per size with one', () => {
    expect(comparisonsMarkdown(sampleReport()).filter((l) => l.startsWith('### '))).toEqual([]);
    expect(comparisonsMarkdown(privilegedSampleReport()).filter((l) => l.startsWith('### '))).toEqual(['### Size `xs`', '### Size `s`']);
  });

  it('takes the CI level from the comparisons', () => {
    const report = privilegedSampleReport();
    const comparisons = report.comparisons?.map((c) => ({ ...c, paired: { ...c.paired, alpha: 0.1 } }));
    expect(comparisonsMarkdown({ ...report, comparisons }).join('\n')).toContain('| 90 % CI (corrected) |');
  });
});
