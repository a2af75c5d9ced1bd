/**
 * @module A unit's result from its teacher job and its student jobs, put together the same way by
 * every executor (in-process, or by the teacher job of a BullMQ flow once its children are done).
 */
import type { FinalModels, MethodFoldResult, StudentJobResult, TeachersJobResult, TrainedNet, UnitResult } from './experiment-job.js';
import type { ExperimentConfig } from './experiment-config.js';
import { unitKey, unitStudents } from './experiment-plan.js';
import { DistillError } from '../errors.js';

/**
 * Orders the teachers' and students' results of one unit (teachers first, students in training
 * order, whatever order the student jobs finished in), picks the kept net and, for the final
 * unit, the final models. Throws `EXPERIMENT_ABORTED` naming a student whose result is missing.
 *
 * @example
 * const unit = assembleUnit(config, teachers, await Promise.all(studentJobs));
 */
export function assembleUnit(config: ExperimentConfig, teachers: TeachersJobResult, students: readonly StudentJobResult[]): UnitResult {
  const { unit } = teachers;
  const ordered = unitStudents(config, unit).map((run) => {
    const done = students.find((s) => s.student === run.id);
    if (!done) throw new DistillError('EXPERIMENT_ABORTED', `${unitKey(unit)} has no result for student ${run.id}`);
    return done;
  });
  const results: MethodFoldResult[] = [...teachers.results, ...ordered.flatMap((s) => (s.result ? [s.result] : []))];
  const backends = [...new Set([teachers.backend, ...ordered.map((s) => s.backend)])];
  if (unit.kind === 'final') {
    const student = ordered[0]!;
    if (!teachers.teacher || !teachers.split || !student.net) throw new DistillError('EXPERIMENT_ABORTED', 'the final unit returned no exported teacher or student');
    const final: FinalModels = {
      ...teachers.split,
      teacher: teachers.teacher,
      student: { ...student.net, id: student.student },
    };
    return { unit, backends, results, final };
  }
  const keptJob = ordered.find((s) => s.net);
  const kept: TrainedNet | undefined = keptJob?.net ? { spec: keptJob.net.spec, weights: keptJob.net.weights, params: keptJob.net.params } : undefined;
  return { unit, backends, results, ...(kept ? { kept } : {}) };
}
