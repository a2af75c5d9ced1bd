import { readFile } from 'node:fs/promises';
import type { ExperimentReport } from '@painkd/distill';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_DIR, FIXTURES, fixtureText, type FixtureName } from './fixtures.js';

describe('committed report fixtures', () => {
  it.each(Object.keys(FIXTURES) as FixtureName[])('%s equals what write-fixtures.ts generates (seeded, small)', async (name) => {
    const committed = await readFile(join(FIXTURE_DIR, name), 'utf8');
    expect(committed.length).toBeLessThan(500_000);
    expect(committed === fixtureText(name)).toBe(true);
  });

  it('full report: six methods, five folds, metrics consistent with the confusion matrices', async () => {
    const report = JSON.parse(await readFile(join(FIXTURE_DIR, 'report-full.json'), 'utf8')) as ExperimentReport;
    expect(report.methods).toHaveLength(6);
    for (const m of report.methods) {
      expect(m.folds).toHaveLength(5);
      for (const f of m.folds) {
        const total = f.metrics.confusion.flat().reduce((a, b) => a + b, 0);
        const right = f.metrics.confusion.reduce((a, row, i) => a + (row[i] ?? 0), 0);
        expect(f.metrics.accuracy).toBeCloseTo(right / total, 4);
      }
    }
  });

  it('privileged report: two teachers, 2 sizes × 3 students, 3 folds × 2 repeats, paired by (repeat, fold)', async () => {
    const report = JSON.parse(await readFile(join(FIXTURE_DIR, 'report-privileged.json'), 'utf8')) as ExperimentReport;
    expect(report.methods.map((m) => m.id)).toEqual(['teacher', 'teacher-gsr', 'student-ce@xs', 'student-kd@xs', 'student-dkd@xs', 'student-ce@m', 'student-kd@m', 'student-dkd@m']);
    expect(report.cv).toMatchObject({ folds: 3, repeats: 2 });
    for (const m of report.methods) expect(m.folds.map((f) => `${f.repeat}:${f.fold}`)).toEqual(['0:0', '0:1', '0:2', '1:0', '1:1', '1:2']);
    expect(report.footprints?.map((f) => f.id)).toEqual(['xs', 'm', 'teacher']);
    for (const c of report.comparisons ?? []) {
      const acc = (id: string): number[] => report.methods.find((m) => m.id === id)?.folds.map((f) => f.metrics.accuracy) ?? [];
      const d = acc(c.id).map((a, i) => a - (acc(c.baseline)[i] ?? 0));
      expect(c.paired.n).toBe(6);
      expect(c.paired.meanDifference).toBeCloseTo(d.reduce((a, b) => a + b, 0) / d.length, 12);
    }
    expect(report.comparisons?.map((c) => c.paired.verdict)).toEqual(['no detectable difference', 'worse', 'better', 'no detectable difference']);
  });
});
