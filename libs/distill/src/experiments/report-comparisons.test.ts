import { describe, expect, it } from 'vitest';
import { comparisonGroups, confidencePercent, NO_DIFFERENCE, pairingSentence, tooFewPairs, verdictSentence, verdictTally } from './report-comparisons.js';
import { privilegedSampleReport, sampleReport } from '../testing/sample-report.js';

describe('report comparisons', () => {
  const report = privilegedSampleReport();

  it('groups comparisons by the size of the student, with its method', () => {
    const groups = comparisonGroups(report);
    expect(groups.map((g) => [g.size, g.rows.map((r) => r.method)])).toEqual([
      ['xs', ['student-kd', 'student-dkd']],
      ['s', ['student-kd', 'student-dkd']],
    ]);
    expect(comparisonGroups(sampleReport()).map((g) => [g.size, g.rows.length])).toEqual([[undefined, 1]]);
    expect(comparisonGroups({ methods: [] })).toEqual([]);
  });

  it('counts the verdicts and words them as the verdicts do', () => {
    const tally = verdictTally(report.comparisons ?? []);
    expect(tally).toEqual({ total: 4, better: 1, worse: 1, none: 2 });
    expect(verdictSentence(tally)).toBe('distillation vs CE-only: 1 of 4 comparisons better, 1 worse, 2 no detectable difference');
    expect(verdictSentence({ total: 1, better: 0, worse: 0, none: 1 })).toContain(`0 of 1 comparison better, 0 worse, 1 ${NO_DIFFERENCE}`);
  });

  it('tells a too-small n from a wide interval', () => {
    const byId = new Map((report.comparisons ?? []).map((c) => [c.id, c.paired]));
    expect(tooFewPairs(byId.get('student-kd@xs')!)).toBe(true);
    expect(tooFewPairs(byId.get('student-dkd@s')!)).toBe(false);
    expect(byId.get('student-dkd@s')?.verdict).toBe(NO_DIFFERENCE);
  });

  it('turns a significance level into the confidence level in percent', () => {
    expect([confidencePercent(0.05), confidencePercent(0.1), confidencePercent(0.01)]).toEqual([95, 90, 99]);
  });

  it('explains the pairing and the corrected interval in one sentence', () => {
    const s = pairingSentence(0.05);
    expect(s).toContain('same (repeat, fold) splits');
    expect(s).toContain('same initial weights and batch order');
    expect(s).toContain('The 95 % CI is the corrected resampled t interval (Nadeau & Bengio 2003)');
  });
});
