import { describe, expect, it } from 'vitest';
import type { ExperimentReport } from '@painkd/distill';
import { methodTable, sweepTable, verdictCounts } from './results-tables.js';
import { sampleReport } from '../../tests/report-html/sample-report.js';

describe('results tables', () => {
  const report: ExperimentReport = sampleReport({ preset: 'privileged' });

  it('lists every method with its view, the paired Δ with its corrected interval, the Wilcoxon p and the verdict', () => {
    const table = methodTable(report);
    const lines = table.split('\n');
    expect(lines).toHaveLength(report.methods.length + 2);
    const c = report.comparisons![0]!;
    const line = lines.find((l) => l.startsWith(`| \`${c.id}\` |`))!;
    expect(line).toContain(c.paired.verdict);
    expect(line).toContain(`${c.paired.meanDifference >= 0 ? '+' : '−'}${Math.abs(100 * c.paired.meanDifference).toFixed(1)} [`);
    expect(lines.find((l) => l.startsWith('| `teacher` |'))).toContain('| teacher |');
  });

  it('tabulates sizes with their footprints and counts the verdicts in their own words', () => {
    const sweep = sweepTable(report).split('\n');
    const sizes = [...new Set(report.methods.filter((m) => m.size).map((m) => m.size))];
    expect(sweep).toHaveLength(sizes.length + 2);
    const f = report.footprints!.find((x) => x.id === sizes[0])!;
    expect(sweep[2]).toContain(`| ${(f.int8Bytes! / 1024).toFixed(1)} |`);
    const n = report.comparisons!.length;
    expect(verdictCounts(report)).toMatch(new RegExp(`^\\d+ of ${n} comparisons better than CE alone, \\d+ worse, \\d+ no detectable difference$`));
  });
});
