import { describe, expect, it } from 'vitest';
import { resolveExperimentConfig } from './experiment-config.js';
import type { StudentJobResult, TeachersJobResult } from './experiment-job.js';
import { assembleUnit } from './unit-result.js';

const config = resolveExperimentConfig({
  runs: [
    { id: 'student-ce', loss: { ce: 1 } },
    { id: 'student-kd', loss: { ce: 0.5, kd: { weight: 0.5, temperature: 2 } } },
  ],
});
const unit = { kind: 'fold' as const, repeat: 0, fold: 1 };
const result = (id: string) => ({ id, params: 1, arch: 'a', result: { repeat: 0, fold: 1, testSubjects: [], metrics: { accuracy: 0, macroF1: 0, mae: 0, rmse: 0, confusion: [] }, history: [], epochsRun: 1, trainMs: 1 } });
const teachers: TeachersJobResult = { kind: 'teachers', unit, backend: 'cpu', results: [result('teacher')], caches: {} };
const student = (id: string, backend = 'cpu'): StudentJobResult => ({ kind: 'student', unit, backend, student: id, result: result(id) });

describe('assembleUnit', () => {
  it('orders students as configured whatever order they finished in, and names a missing one', () => {
    const unitResult = assembleUnit(config, teachers, [student('student-kd', 'wasm'), student('student-ce')]);
    expect(unitResult.results.map((r) => r.id)).toEqual(['teacher', 'student-ce', 'student-kd']);
    expect(unitResult.backends).toEqual(['cpu', 'wasm']);
    expect(() => assembleUnit(config, teachers, [student('student-ce')])).toThrow(expect.objectContaining({ code: 'EXPERIMENT_ABORTED', message: 'r0f1 has no result for student student-kd' }));
  });

  it('turns the final unit into the final models', () => {
    const net = { spec: { arch: 'x' } as never, weights: new Map(), params: 3, outcome: { epochsRun: 1, bestEpoch: 1, trainMs: 1 } };
    const final = { kind: 'final' as const, student: 'student-kd' };
    const unitResult = assembleUnit(config, { ...teachers, unit: final, results: [], teacher: net, split: { trainSubjects: 20, valSubjects: 4 } }, [{ kind: 'student', unit: final, backend: 'cpu', student: 'student-kd', net }]);
    expect(unitResult.final).toMatchObject({ trainSubjects: 20, valSubjects: 4, student: { id: 'student-kd', params: 3 }, teacher: { params: 3 } });
  });
});
