import { describe, expect, it } from 'vitest';
import { PARETO_AXES, paretoPoints, sizeSweep, sweepCell } from './report-size-sweep.js';
import { privilegedSampleReport, sampleReport } from '../testing/sample-report.js';

describe('sizeSweep', () => {
  const report = privilegedSampleReport();

  it('finds sizes, methods, teachers and the footprint of each size', () => {
    const sweep = sizeSweep(report);
    expect(sweep?.sizes.map((s) => [s.id, s.params.min, s.params.max, s.footprint?.int8Bytes])).toEqual([
      ['xs', 212, 212, 2100],
      ['s', 640, 640, 3100],
    ]);
    expect(sweep?.methods).toEqual(['student-ce', 'student-kd', 'student-dkd']);
    expect(sweep?.teachers.map((t) => t.id)).toEqual(['teacher', 'teacher-gsr']);
    expect(sweep?.teacherFootprint?.macs).toBe(2_100_000);
    expect(sweep && sweepCell(sweep, 'student-kd', 's')?.result.id).toBe('student-kd@s');
    expect(sweepCell(sweep!, 'student-kd', 'xl')).toBeUndefined();
  });

  it('is undefined without a size family', () => {
    expect(sizeSweep(sampleReport())).toBeUndefined();
  });

  it('places each method at each size on every axis, and lists sizes an axis lacks', () => {
    const sweep = sizeSweep(report)!;
    const [size, macs, latency] = PARETO_AXES.map((a) => paretoPoints(sweep, a));
    expect(size?.points.filter((p) => p.method === 'student-kd').map((p) => [p.size, p.x])).toEqual([['xs', 2100], ['s', 3100]]);
    expect(macs?.points).toHaveLength(6);
    expect(latency?.points.find((p) => p.size === 's')?.x).toBe(52);
    const partial = sizeSweep({ ...report, footprints: report.footprints?.filter((f) => f.id !== 's').map(({ latencyUs: _l, ...f }) => f) })!;
    expect(paretoPoints(partial, PARETO_AXES[0]!).missing).toEqual(['s']);
    expect(paretoPoints(partial, PARETO_AXES[2]!)).toEqual({ points: [], missing: ['xs', 's'] });
  });
});
