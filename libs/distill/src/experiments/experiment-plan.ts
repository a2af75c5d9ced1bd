/**
 * @module The plan of an experiment, made the same way wherever it is needed (the coordinator, a
 * worker thread, a queue worker on another machine): the task's views, the folds of every CV
 * repeat, the final split, and the units of work (one per (repeat, fold), plus the final models).
 */
import { deriveSeed } from '@painkd/signals';
import { finalStudentId, studentRuns, teacherRuns, type ExperimentConfig, type StudentRun, type TeacherRun } from './experiment-config.js';
import type { Fold } from '../cv/fold.js';
import { finalSplit, makeFolds } from '../cv/make-folds.js';
import { assertAlignedViews, selectClasses, validateDataset, type WindowDataset } from '../data/window-dataset.js';
import { DistillError } from '../errors.js';
import { BINARY_TASK } from '../metrics/binary-task.js';
import { needsTeacher } from '../training/loss-spec.js';

/**
 * The windows of every view an experiment uses, by view name. Window i of each view is the same
 * recording (same subject, class and trial) seen through that view; labels and subjects agree.
 */
export type ViewDatasets = Readonly<Record<string, WindowDataset>>;

/** A unit of work: one fold of one CV repeat, or the final models on all subjects. */
export type Unit = { readonly kind: 'fold'; readonly repeat: number; readonly fold: number } | { readonly kind: 'final'; readonly student: string };

/** Unit number used in progress events of the final unit. */
export const FINAL_JOB = -1;

/** Everything the jobs of one experiment share, derived from its views and config alone. */
export interface ExperimentPlan {
  readonly config: ExperimentConfig;
  /** The views the config uses, validated, aligned and reduced to the task's classes. */
  readonly views: ViewDatasets;
  /** The students' task dataset the folds index. */
  readonly data: WindowDataset;
  /** Folds of every CV repeat (repeat 0 uses `config.seed`). */
  readonly repeats: readonly (readonly Fold[])[];
  readonly perRepeat: number;
  /** The all-subjects split of the final models, when the config asks for them. */
  readonly split: Fold | undefined;
  /** The final student when known before CV (`undefined` for `best` or without final models). */
  readonly knownFinal: string | undefined;
}

/**
 * Plans an experiment: checks the views (`DATASET_INVALID` naming a missing or misaligned view),
 * keeps the task's classes, makes the folds of every repeat (each passes `assertNoSubjectLeak`)
 * and the final split. Deterministic: the same views and config give the same plan anywhere.
 *
 * @example
 * const plan = planExperiment(views, config);
 * initialUnits(plan); // [{ kind: 'fold', repeat: 0, fold: 0 }, …, { kind: 'final', student: 'student-kd' }]
 */
export function planExperiment(given: ViewDatasets, config: ExperimentConfig): ExperimentPlan {
  const views = taskViews(given, config);
  const data = views[config.student.view]!;
  const repeats = Array.from({ length: config.cv.repeats }, (_, r) =>
    makeFolds(data, { scheme: config.cv.scheme, folds: config.cv.folds, seed: repeatSeed(config.seed, r), valFraction: config.cv.valFraction }),
  );
  return {
    config,
    views,
    data,
    repeats,
    perRepeat: repeats[0]!.length,
    split: config.final.enabled ? finalSplit(data, config.cv.valFraction, config.seed) : undefined,
    knownFinal: config.final.enabled ? finalStudentId(config) : undefined,
  };
}

/**
 * The units that can start at once: every (repeat, fold), then the final models when their
 * student is known before CV (with `final.student = best` the final unit waits for the results).
 *
 * @example
 * initialUnits(plan).length; // folds × repeats (+ 1)
 */
export function initialUnits(plan: ExperimentPlan): Unit[] {
  const folds: Unit[] = plan.repeats.flatMap((folds, repeat) => folds.map((_, fold) => ({ kind: 'fold' as const, repeat, fold })));
  return plan.split && plan.knownFinal ? [...folds, { kind: 'final', student: plan.knownFinal }] : folds;
}

/**
 * The fold a unit trains and tests on (the final split for the final unit).
 *
 * @example
 * unitFold(plan, { kind: 'fold', repeat: 1, fold: 2 }).testSubjects;
 */
export function unitFold(plan: ExperimentPlan, unit: Unit): Fold {
  const fold = unit.kind === 'final' ? plan.split : plan.repeats[unit.repeat]?.[unit.fold];
  if (!fold) throw new DistillError('CONFIG_INVALID', `the experiment has no ${unitKey(unit)} (${plan.repeats.length} repeat(s) of ${plan.perRepeat} folds, final models ${plan.split ? 'on' : 'off'})`);
  return fold;
}

/**
 * A unit's number: `repeat · perRepeat + fold` (repeat 0 keeps the fold index), or
 * {@link FINAL_JOB}. Every seed of the unit derives from it.
 *
 * @example
 * unitNumber({ kind: 'fold', repeat: 1, fold: 2 }, 5); // 7
 */
export function unitNumber(unit: Unit, perRepeat: number): number {
  return unit.kind === 'final' ? FINAL_JOB : unit.repeat * perRepeat + unit.fold;
}

/**
 * A short stable name of a unit: `r0f3` or `final`.
 *
 * @example
 * unitKey({ kind: 'fold', repeat: 0, fold: 3 }); // 'r0f3'
 */
export function unitKey(unit: Unit): string {
  return unit.kind === 'final' ? 'final' : `r${unit.repeat}f${unit.fold}`;
}

/**
 * The students a unit trains: every student run on a fold, the one final student otherwise.
 *
 * @example
 * unitStudents(config, { kind: 'final', student: 'student-kd' }).map((s) => s.id); // ['student-kd']
 */
export function unitStudents(config: ExperimentConfig, unit: Unit): StudentRun[] {
  const all = studentRuns(config);
  if (unit.kind === 'fold') return all;
  const one = all.filter((s) => s.id === unit.student);
  if (one.length === 0) throw new DistillError('CONFIG_INVALID', `final student "${unit.student}" is not a student of this experiment`);
  return one;
}

/**
 * The teachers a unit trains, in the order their seeds are numbered: every teacher on a fold;
 * for the final models the teacher (exported with the student) and any the final student
 * distils from.
 *
 * @example
 * unitTeachers(config, unit).map((t) => t.id); // ['teacher', 'teacher-gsr']
 */
export function unitTeachers(config: ExperimentConfig, unit: Unit): TeacherRun[] {
  const used = distilledFrom(config, unit);
  return teacherRuns(config).filter((t) => unit.kind === 'fold' || t.id === 'teacher' || used.has(t.id));
}

/**
 * The teachers some student of the unit distils from: their outputs are cached for the students.
 *
 * @example
 * distilledFrom(config, unit); // Set { 'teacher' }
 */
export function distilledFrom(config: ExperimentConfig, unit: Unit): Set<string> {
  return new Set(unitStudents(config, unit).filter((s) => needsTeacher(s.loss)).map((s) => s.teacher));
}

/**
 * Whether a unit keeps the trained net of `student`: the final student known before CV, on every
 * fold of the first repeat (for the fp32-vs-int8 rows).
 *
 * @example
 * keepsStudent(plan, { kind: 'fold', repeat: 0, fold: 1 }, 'student-kd'); // true
 */
export function keepsStudent(plan: Pick<ExperimentPlan, 'knownFinal'>, unit: Unit, student: string): boolean {
  return unit.kind === 'fold' && unit.repeat === 0 && plan.knownFinal === student;
}

/** The fold seed of CV repeat `r` (repeat 0: the experiment seed itself). */
function repeatSeed(seed: number, r: number): number {
  return r === 0 ? seed : deriveSeed(seed, 0x726570, r);
}

/** The views the config uses, checked for alignment and reduced to the task's classes. */
function taskViews(given: ViewDatasets, config: ExperimentConfig): Record<string, WindowDataset> {
  const names = [...new Set([...teacherRuns(config).map((t) => t.view), config.student.view])];
  const out: Record<string, WindowDataset> = {};
  for (const name of names) {
    const view = given[name];
    if (!view) throw new DistillError('DATASET_INVALID', `the config uses view "${name}" but no windows were given for it (have ${Object.keys(given).join(', ')})`);
    const valid = validateDataset(view);
    out[name] = config.task === 'binary' ? selectClasses(valid, [BINARY_TASK.negative, BINARY_TASK.positive]) : valid;
  }
  assertAlignedViews(out);
  return out;
}
