/**
 * @module Names in Redis: the BullMQ prefix and queues, job ids (deterministic, so adding a job
 * twice adds it once and a restarted coordinator finds its jobs), and the experiment's own keys.
 */
import { randomBytes } from 'node:crypto';
import type { ExperimentJob } from '../experiments/experiment-job.js';
import { FINAL_JOB, unitKey } from '../experiments/experiment-plan.js';
import { DistillError } from '../errors.js';

/** BullMQ key prefix of every painkd queue. */
export const QUEUE_PREFIX = 'painkd';

/** The queue every worker takes jobs from (teacher and student jobs of every experiment). */
export const JOBS_QUEUE = 'jobs';

/**
 * A new experiment id: `e` + time (base 36) + 6 random hex digits, e.g. `em3k9x2a-4f01c2`.
 *
 * @example
 * newExperimentId(); // 'em3k9x2a-4f01c2'
 */
export function newExperimentId(): string {
  return `e${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
}

/**
 * Checks an experiment id given on the command line (`EXPERIMENT_NOT_FOUND` when it cannot be one).
 *
 * @example
 * checkExperimentId('em3k9x2a-4f01c2');
 */
export function checkExperimentId(id: string): string {
  if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(id)) throw new DistillError('EXPERIMENT_NOT_FOUND', `"${id}" is not an experiment id (lower-case letters, digits and dashes)`);
  return id;
}

/**
 * The coordinator's own queue for one run of units (`n`: 0 for the CV units, 1 for a final unit
 * chosen after CV). Its one job is the parent of the units' teacher jobs.
 *
 * @example
 * flowQueue('em3k9x2a-4f01c2'); // 'experiment.em3k9x2a-4f01c2'
 */
export function flowQueue(experiment: string): string {
  return `experiment.${experiment}`;
}

/**
 * The id of the parent job of run `n` of an experiment's units.
 *
 * @example
 * flowJobId('em3k9x2a-4f01c2', 0); // 'em3k9x2a-4f01c2.units-0'
 */
export function flowJobId(experiment: string, n: number): string {
  return `${experiment}.units-${n}`;
}

/**
 * The BullMQ job id of an experiment job: `<experiment>.<unit>.teachers` or `<experiment>.<unit>.s.<student>`.
 *
 * @example
 * jobIdOf('em3k9x2a-4f01c2', { kind: 'student', unit, student: 'student-kd@xs' }); // 'em3k9x2a-4f01c2.r0f2.s.student-kd@xs'
 */
export function jobIdOf(experiment: string, job: ExperimentJob): string {
  return `${experiment}.${unitKey(job.unit)}.${job.kind === 'teachers' ? 'teachers' : `s.${job.student}`}`;
}

/**
 * The unit number (as in progress events) and student of a job id of `experiment`, or
 * `undefined` when the id belongs to another experiment.
 *
 * @example
 * parseJobId('em3k9x2a-4f01c2', 'em3k9x2a-4f01c2.r1f2.s.student-kd', 5); // { job: 7, student: 'student-kd' }
 */
export function parseJobId(experiment: string, id: string, perRepeat: number): { readonly job: number; readonly student?: string } | undefined {
  if (!id.startsWith(`${experiment}.`)) return undefined;
  const match = /^(?:r(\d+)f(\d+)|final)\.(?:teachers|s\.(.+))$/.exec(id.slice(experiment.length + 1));
  if (!match) return undefined;
  const job = match[1] === undefined ? FINAL_JOB : Number(match[1]) * perRepeat + Number(match[2]);
  return match[3] === undefined ? { job } : { job, student: match[3] };
}

/**
 * Redis keys of one experiment's own state (besides its BullMQ jobs).
 *
 * @example
 * experimentKeys('em3k9x2a-4f01c2').cache('r0f1', 'teacher'); // 'painkd:experiment:em3k9x2a-4f01c2:cache:r0f1:teacher'
 */
export function experimentKeys(experiment: string) {
  const base = `${QUEUE_PREFIX}:experiment:${experiment}`;
  return {
    /** Hash: `spec` (config, dataset, source), `status`, `error`. */
    record: base,
    /** Set of finished job ids. */
    done: `${base}:done`,
    /** Hash: worker name → why it refused the experiment's data. */
    refused: `${base}:refused`,
    /** Binary teacher cache of one unit's teacher. */
    cache: (unit: string, teacher: string) => `${base}:cache:${unit}:${teacher}`,
    /** Pattern of every cache key of the experiment. */
    caches: `${base}:cache:*`,
  };
}
