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
});
