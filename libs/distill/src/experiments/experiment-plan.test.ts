import { describe, expect, it } from 'vitest';
import { resolveExperimentConfig } from './experiment-config.js';
import { distilledFrom, initialUnits, keepsStudent, planExperiment, unitFold, unitKey, unitNumber, unitStudents, unitTeachers } from './experiment-plan.js';
import { toyViews } from '../testing/toy-dataset.js';

const config = resolveExperimentConfig({
  views: { lab: {}, wrist: {} },
  cv: { folds: 3, repeats: 2 },
  teacher: { net: { arch: 'teacher-cnn', config: {} }, view: 'lab' },
  references: [{ id: 'teacher-wrist', net: { arch: 'teacher-cnn', config: {} }, view: 'wrist' }],
  student: { arch: 'student-tiny', config: {}, view: 'wrist' },
  runs: [
    { id: 'student-ce', loss: { ce: 1 } },
    { id: 'student-kd', loss: { ce: 0.5, kd: { weight: 0.5, temperature: 2 } } },
  ],
  final: { enabled: true, student: 'auto' },
});

describe('planExperiment', () => {
  it('plans every (repeat, fold) and the final unit the same way each time, with what each unit trains and keeps', () => {
    const plan = planExperiment(toyViews(6, 1), config);
    const units = initialUnits(plan);
    expect(units.map(unitKey)).toEqual(['r0f0', 'r0f1', 'r0f2', 'r1f0', 'r1f1', 'r1f2', 'final']);
    expect(units.map((u) => unitNumber(u, plan.perRepeat))).toEqual([0, 1, 2, 3, 4, 5, -1]);
    expect(planExperiment(toyViews(6, 1), config).repeats).toEqual(plan.repeats);
    const final = units.at(-1)!;
    expect(unitFold(plan, final).test.length).toBe(0);
    expect(unitTeachers(config, final).map((t) => t.id)).toEqual(['teacher']);
    expect(unitTeachers(config, units[0]!).map((t) => t.id)).toEqual(['teacher', 'teacher-wrist']);
    expect(unitStudents(config, final).map((s) => s.id)).toEqual(['student-kd']);
    expect([...distilledFrom(config, units[0]!)]).toEqual(['teacher']);
    expect([keepsStudent(plan, units[0]!, 'student-kd'), keepsStudent(plan, units[3]!, 'student-kd'), keepsStudent(plan, units[0]!, 'student-ce')]).toEqual([true, false, false]);
    expect(() => unitFold(plan, { kind: 'fold', repeat: 2, fold: 0 })).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID', message: expect.stringContaining('no r2f0') }));
  });
});
