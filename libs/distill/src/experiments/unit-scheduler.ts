/**
 * @module How an experiment's units get run: the interface the runner talks to, and its local
 * implementation (a {@link JobExecutor} in this process: per unit the teacher job, then every
 * student job in parallel from the teachers' caches). The BullMQ implementation lives in
 * `@painkd/distill/queue`.
 */
import type { ExperimentJobResult, JobProgress, StudentJobResult, TeacherCaches, TeachersJobResult, UnitResult } from './experiment-job.js';
import { unitNumber, unitStudents, unitTeachers, type ExperimentPlan, type Unit, type ViewDatasets } from './experiment-plan.js';
import type { JobExecutor } from './job-executor.js';
import type { JobCounts } from './progress-tracker.js';
import type { RuntimeInfo } from './report-types.js';
import { assembleUnit } from './unit-result.js';
import { needsTeacher } from '../training/loss-spec.js';

/** What a scheduler reports while units run. */
export interface SchedulerHooks {
  readonly onProgress: (progress: JobProgress) => void;
  /** Methods of a unit that finished (a teacher job: its teachers; a student job: the student; `undefined`: all of the unit). */
  readonly onFinished: (job: number, methods?: readonly string[]) => void;
  readonly onCounts: (counts: JobCounts) => void;
}

/** Runs units of one experiment, wherever their jobs execute. */
export interface UnitScheduler {
  /** Units → their results, in the order given. */
  run(units: readonly Unit[], hooks: SchedulerHooks): Promise<UnitResult[]>;
  /** Where the jobs trained, for the report (after `run`). */
  runtime(): RuntimeInfo;
  close(): Promise<void>;
}

/** Makes the scheduler of a planned experiment (`views`: the views as given to the runner). */
export type SchedulerFactory = (plan: ExperimentPlan, views: ViewDatasets, signal?: AbortSignal) => Promise<UnitScheduler>;

/**
 * Runs units on `executor` in this process: every unit's teacher job, then its student jobs (each
 * given only its own teacher's cache). All units start at once; the executor's queue decides the
 * order (students before teachers), so teacher caches live briefly.
 *
 * @example
 * const scheduler = localScheduler(await workerPoolExecutor('auto', 2), plan, views);
 * const results = await scheduler.run(initialUnits(plan), hooks);
 */
export function localScheduler(executor: JobExecutor, plan: ExperimentPlan, views: ViewDatasets): UnitScheduler {
  const context = { key: 'local', views, config: plan.config };
  let total = 0;
  let done = 0;
  let submitted = 0;
  return {
    async run(units, hooks) {
      const counts = (): void => {
        const running = Math.min(executor.capacity, submitted - done);
        hooks.onCounts({ queued: total - done - running, running, done, workers: executor.capacity });
      };
      const execute = async <R extends ExperimentJobResult>(job: Parameters<JobExecutor['run']>[1], caches: TeacherCaches, methods: readonly string[]): Promise<R> => {
        submitted++;
        counts();
        const result = (await executor.run(context, job, caches, hooks.onProgress)) as R;
        done++;
        hooks.onFinished(unitNumber(job.unit, plan.perRepeat), methods);
        counts();
        return result;
      };
      total += units.reduce((n, unit) => n + 1 + unitStudents(plan.config, unit).length, 0);
      return Promise.all(
        units.map(async (unit) => {
          const students = unitStudents(plan.config, unit);
          const teachers = await execute<TeachersJobResult>({ kind: 'teachers', unit }, {}, unitTeachers(plan.config, unit).map((t) => t.id));
          const results = await Promise.all(
            students.map((s) => {
              const cache = needsTeacher(s.loss) ? teachers.caches[s.teacher] : undefined;
              return execute<StudentJobResult>({ kind: 'student', unit, student: s.id }, cache ? { [s.teacher]: cache } : {}, [s.id]);
            }),
          );
          return assembleUnit(plan.config, teachers, results);
        }),
      );
    },
    runtime: () => ({ backend: executor.backend, workers: executor.capacity, ...(executor.adapter ? { adapter: executor.adapter } : {}) }),
    close: () => executor.close(),
  };
}
