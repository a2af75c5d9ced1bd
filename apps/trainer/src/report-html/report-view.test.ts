import type { ExperimentReport } from '@painkd/distill';
import { describe, expect, it } from 'vitest';
import { readReportFixture } from '../../tests/report-html/fixtures.js';
import { CE_COLOR, TEACHER_COLOR } from './theme.js';
import { reportView } from './report-view.js';

describe('reportView', () => {
  it('finds the teacher, the CE-only student and the most accurate student', async () => {
    const report = await readReportFixture('report-full.json');
    const view = reportView(report);
    const students = report.methods.filter((m) => m.role === 'student');
    const top = Math.max(...students.map((m) => m.summary.accuracy.mean));
    expect(view.teacher?.id).toBe('teacher');
    expect(view.ce?.id).toBe('student-ce');
    expect(view.bestStudent?.summary.accuracy.mean).toBe(top);
    expect(view.colors.domain).toEqual(report.methods.map((m) => m.id));
    expect(view.colors.range.slice(0, 2)).toEqual([TEACHER_COLOR, CE_COLOR]);
    expect(new Set(view.colors.range).size).toBe(report.methods.length);
  });

  it('in a size family: every teacher, the CE-only student of the best size, one colour per method', async () => {
    const report = await readReportFixture('report-privileged.json');
    const view = reportView(report);
    expect(view.teachers.map((m) => m.id)).toEqual(['teacher', 'teacher-gsr']);
    expect(view.bestStudent?.id).toBe('student-kd@m');
    expect(view.ce?.id).toBe('student-ce@m');
    expect(view.repeats).toBe(2);
    expect(view.viewOf(report.methods[2]!)?.name).toBe('wrist');
    const color = (id: string): string | undefined => view.colors.range[view.colors.domain.indexOf(id)];
    expect(color('student-kd@xs')).toBe(color('student-kd@m'));
    expect(color('student-ce@xs')).toBe(CE_COLOR);
    expect(color('student-ce@m')).toBe(CE_COLOR);
    expect(color('teacher-gsr')).toBe(TEACHER_COLOR);
    expect(color('student-kd@m')).not.toBe(color('student-dkd@m'));
  });

  it('reports every structural problem at once', () => {
    const bad = { schemaVersion: 1, classLabels: [], data: {}, methods: [{ id: 3 }] } as unknown as ExperimentReport;
    expect(() => reportView(bad)).toThrow(
      'report.json is not a painkd report: data.windowsPerClass is not an array; methods[0].id is not a string; methods[0].folds is not an array; methods[0].summary is missing',
    );
  });
});
