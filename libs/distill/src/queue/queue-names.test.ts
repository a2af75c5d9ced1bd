import { describe, expect, it } from 'vitest';
import { checkExperimentId, jobIdOf, newExperimentId, parseJobId } from './queue-names.js';

describe('queue names', () => {
  it('names jobs so that the coordinator maps them back to units and students', () => {
    const id = newExperimentId();
    expect(checkExperimentId(id)).toBe(id);
    const student = jobIdOf(id, { kind: 'student', unit: { kind: 'fold', repeat: 1, fold: 2 }, student: 'student-kd@xs' });
    expect(student).toBe(`${id}.r1f2.s.student-kd@xs`);
    expect(student.includes(':')).toBe(false);
    expect(parseJobId(id, student, 5)).toEqual({ job: 7, student: 'student-kd@xs' });
    expect(parseJobId(id, jobIdOf(id, { kind: 'teachers', unit: { kind: 'final', student: 'student-kd' } }), 5)).toEqual({ job: -1 });
    expect(parseJobId(id, `other.r0f0.teachers`, 5)).toBeUndefined();
    expect(() => checkExperimentId('../etc')).toThrow(expect.objectContaining({ code: 'EXPERIMENT_NOT_FOUND' }));
  });
});
