/**
 * @module The one job type every executor runs (this thread, the worker-thread pool, a BullMQ
 * worker on another machine): a unit's teacher phase, or one student of a unit. Jobs and results
 * are plain data (typed arrays, no tensors), so they cross threads and, encoded, Redis.
 */
import type { NetSpec, NetWeights } from '@painkd/models';
import type { Unit } from './experiment-plan.js';
import type { EpochRecord, FoldResult } from './report-types.js';
import type { BatchProgress, TrainOutcome } from '../training/train-net.js';

/** A job: every teacher of a unit, or one student of a unit (from the teachers' cached outputs). */
export type ExperimentJob = { readonly kind: 'teachers'; readonly unit: Unit } | { readonly kind: 'student'; readonly unit: Unit; readonly student: string };

/** A trained net as plain data (structured-clone safe). */
export interface TrainedNet {
  readonly spec: NetSpec;
  readonly weights: NetWeights;
  readonly params: number;
}

/** A trained net with how its training went (the final models). */
export type FinalNet = TrainedNet & { readonly outcome: Omit<TrainOutcome, 'history'> };

/**
 * A frozen teacher's outputs on a unit's training windows, row-aligned with them: what its
 * students need, and all they need, of it.
 */
export interface TeacherCache {
  readonly rows: number;
  readonly classes: number;
  readonly hiddenSize: number;
  /** `[rows, classes]` row-major. */
  readonly logits: Float32Array;
  /** `[rows, hiddenSize]` row-major. */
  readonly hidden: Float32Array;
}

/** Teacher id → its cache. */
export type TeacherCaches = Readonly<Record<string, TeacherCache>>;

/** One method's result on one fold. */
export interface MethodFoldResult {
  readonly id: string;
  readonly params: number;
  readonly arch: string;
  readonly result: FoldResult;
}

/** What a teacher job returns. */
export interface TeachersJobResult {
  readonly kind: 'teachers';
  readonly unit: Unit;
  /** The tfjs backend it trained on. */
  readonly backend: string;
  /** Every teacher's test result (none for the final unit: it has no test subjects). */
  readonly results: readonly MethodFoldResult[];
  /** The caches of the teachers some student of the unit distils from. */
  readonly caches: TeacherCaches;
  /** The final unit's teacher, for export. */
  readonly teacher?: FinalNet;
  /** The final unit's subjects: trained on, and held out for early stopping. */
  readonly split?: { readonly trainSubjects: number; readonly valSubjects: number };
}

/** What a student job returns. */
export interface StudentJobResult {
  readonly kind: 'student';
  readonly unit: Unit;
  readonly backend: string;
  readonly student: string;
  /** Its test result (none for the final unit). */
  readonly result?: MethodFoldResult;
  /** The trained net, when the plan keeps it (`keepsStudent`) or for the final unit. */
  readonly net?: FinalNet;
}

/** What any job returns. */
export type ExperimentJobResult = TeachersJobResult | StudentJobResult;

/** The final models: the teacher and the chosen student trained on all subjects. */
export interface FinalModels {
  /** Subjects the final models trained on, and those held out for early stopping. */
  readonly trainSubjects: number;
  readonly valSubjects: number;
  readonly teacher: FinalNet;
  readonly student: FinalNet & { readonly id: string };
}

/** Everything one unit produced, once its teachers and all its students are done. */
export interface UnitResult {
  readonly unit: Unit;
  /** Backends its jobs trained on. */
  readonly backends: readonly string[];
  /** Teachers first, then students in training order. */
  readonly results: readonly MethodFoldResult[];
  /** The kept student's net on this fold (for fp32-vs-int8 rows). */
  readonly kept?: TrainedNet;
  /** The final models (final unit only). */
  readonly final?: FinalModels;
}

/** Progress of a job, after each mini-batch or epoch. */
export interface JobProgress extends BatchProgress {
  /** Unit number: `repeat · perRepeat + fold`, or `FINAL_JOB`. */
  readonly job: number;
  readonly method: string;
  /** Planned batches of this method if it ran every epoch (for the ETA). */
  readonly plannedBatches: number;
  readonly record?: EpochRecord;
}

/** Per-job hooks. */
export interface JobHooks {
  readonly onProgress?: (progress: JobProgress) => void;
  readonly signal?: AbortSignal;
}
