/** @module Overall progress and ETA of an experiment from its jobs' per-batch events. */
import type { JobProgress } from './experiment-job.js';

/** Where the experiment's jobs stand. */
export interface JobCounts {
  /** Jobs not started yet (including student jobs whose teacher job has not finished). */
  readonly queued: number;
  readonly running: number;
  readonly done: number;
  /** Workers taking jobs: threads of the local pool, or queue worker processes alive. */
  readonly workers: number;
}

/** One progress event of a whole experiment. */
export interface ExperimentProgress extends JobProgress {
  /** Number of CV folds (the final job reports `job` = −1). */
  readonly folds: number;
  /** Fraction of the planned work done, 0–1 (early stopping makes the plan shrink as it goes). */
  readonly fraction: number;
  /** Estimated remaining milliseconds, once enough batches were timed. */
  readonly etaMs: number | undefined;
  readonly elapsedMs: number;
  /** The latest job counts, once the executor reported them. */
  readonly jobs?: JobCounts;
}

/** The planned work of one unit: its methods in order, with their planned batch counts. */
export interface JobPlan {
  readonly job: number;
  /**
   * Methods in training order; `teacher` marks teachers (their batches cost more, and they run
   * one after another before the unit's students, which may run in parallel).
   */
  readonly methods: readonly { readonly method: string; readonly batches: number; readonly teacher: boolean }[];
}

/**
 * Tracks planned vs done mini-batches per (unit, method); events may be thinned out (a remote
 * worker sends a few per second), since each carries its epoch and batch. A method that moves on
 * early (early stopping: the next teacher, or the unit's students, started; or its job finished)
 * drops its remaining planned batches. The ETA weights the batches still expected by the mean
 * measured time per batch of teacher and student batches separately (a teacher batch costs far
 * more), divided by the number of jobs running in parallel; a method not finished yet is expected
 * to use the same share of its planned epochs as the finished methods of its kind did.
 *
 * @example
 * const tracker = new ProgressTracker(plans, 2, folds);
 * executor.run(context, job, caches, (p) => onProgress(tracker.update(p)));
 */
export class ProgressTracker {
  private readonly started = performance.now();
  private readonly entries = new Map<string, { planned: number; done: number; teacher: boolean; finished: boolean }>();
  private readonly order = new Map<number, string[]>();
  private readonly last = new Map<string, { at: number; done: number }>();
  private readonly cost = { teacher: { ms: 0, n: 0 }, student: { ms: 0, n: 0 } };
  /** Share of planned batches that finished methods used, per kind. */
  private readonly used = { teacher: { done: 0, planned: 0 }, student: { done: 0, planned: 0 } };
  private planned = 0;
  private done = 0;
  private counts: JobCounts | undefined;

  constructor(
    plans: readonly JobPlan[],
    private workers: number,
    private readonly folds: number,
  ) {
    for (const plan of plans) this.add(plan);
  }

  /** Adds a job planned after the start (the final job when it waits for CV results). */
  add(plan: JobPlan): void {
    this.order.set(plan.job, plan.methods.map((m) => m.method));
    for (const m of plan.methods) {
      this.entries.set(key(plan.job, m.method), { planned: m.batches, done: 0, teacher: m.teacher, finished: false });
      this.planned += m.batches;
    }
  }

  /** Marks methods of a unit finished (all of them by default), dropping what they did not run. */
  finish(job: number, methods: readonly string[] = this.order.get(job) ?? []): void {
    for (const method of methods) this.drop(job, method);
  }

  /** The latest job counts; the ETA divides by the jobs running (at least 1) from now on. */
  setCounts(counts: JobCounts): void {
    this.counts = counts;
    this.workers = Math.max(1, counts.running);
  }

  /** Folds one event in and returns the experiment-level view of it. */
  update(p: JobProgress): ExperimentProgress {
    const now = performance.now();
    const k = key(p.job, p.method);
    const entry = this.entries.get(k);
    const methods = this.order.get(p.job) ?? [];
    const before = entry?.teacher ? methods.slice(0, methods.indexOf(p.method)) : methods.filter((m) => this.entries.get(key(p.job, m))?.teacher);
    for (const m of before) this.drop(p.job, m);
    if (p.record && entry && !entry.finished) {
      // An epoch end: every batch of the epochs so far is done (thinned-out events skip some).
      const done = Math.min(entry.planned, Math.round((p.epoch * p.plannedBatches) / Math.max(1, p.epochs)));
      if (done > entry.done) {
        this.done += done - entry.done;
        entry.done = done;
      }
      this.last.delete(k);
    } else if (p.batch > 0 && entry && !entry.finished) {
      const done = Math.min(entry.planned, (p.epoch - 1) * p.batches + p.batch);
      const prev = this.last.get(k);
      if (prev && done > prev.done) {
        const c = entry.teacher ? this.cost.teacher : this.cost.student;
        c.ms += now - prev.at;
        c.n += done - prev.done;
      }
      if (done > entry.done) {
        this.done += done - entry.done;
        entry.done = done;
      }
      this.last.set(k, { at: now, done });
    } else {
      this.last.delete(k);
    }
    return {
      ...p,
      folds: this.folds,
      fraction: this.planned === 0 ? 1 : this.done / this.planned,
      etaMs: this.eta(),
      elapsedMs: now - this.started,
      ...(this.counts ? { jobs: this.counts } : {}),
    };
  }

  private eta(): number | undefined {
    const { teacher, student } = this.cost;
    if (teacher.n < 5) return undefined;
    const teacherMs = teacher.ms / teacher.n;
    const studentMs = student.n >= 5 ? student.ms / student.n : teacherMs / 4;
    const share = (u: { done: number; planned: number }): number => (u.planned > 0 ? u.done / u.planned : 1);
    let total = 0;
    for (const e of this.entries.values()) {
      if (e.finished) continue;
      const expected = Math.max(e.done, e.planned * share(e.teacher ? this.used.teacher : this.used.student));
      total += (expected - e.done) * (e.teacher ? teacherMs : studentMs);
    }
    return total / this.workers;
  }

  private drop(job: number, method: string): void {
    const entry = this.entries.get(key(job, method));
    if (!entry || entry.finished) return;
    entry.finished = true;
    this.planned -= entry.planned - entry.done;
    if (entry.done > 0) {
      const u = entry.teacher ? this.used.teacher : this.used.student;
      u.done += entry.done;
      u.planned += entry.planned;
    }
  }
}

function key(job: number, method: string): string {
  return `${job}\u0000${method}`;
}
