/** @module Typed errors of @painkd/distill: one class, a stable `code` per failure. */

/** Stable codes for every failure @painkd/distill reports. */
export type DistillErrorCode =
  | 'LOSS_SHAPE_MISMATCH'
  | 'LOSS_INVALID_ARGUMENT'
  | 'METRIC_INVALID_ARGUMENT'
  | 'STATS_INVALID_ARGUMENT'
  | 'STATS_NOT_CONVERGED'
  | 'CV_INVALID_ARGUMENT'
  | 'CV_SUBJECT_LEAK'
  | 'DATASET_INVALID'
  | 'TRAIN_INVALID_ARGUMENT'
  | 'TRAIN_DIVERGED'
  | 'CONFIG_INVALID'
  | 'EXPERIMENT_ABORTED'
  | 'QUEUE_BAD_URL'
  | 'QUEUE_UNAVAILABLE'
  | 'EXPERIMENT_NOT_FOUND'
  | 'EXPERIMENT_CLOSED'
  | 'DATASET_MISMATCH'
  | 'DATASET_UNAVAILABLE'
  | 'TEACHER_CACHE_MISSING';

/**
 * The one error class of @painkd/distill.
 *
 * @example
 * throw new DistillError('CV_SUBJECT_LEAK', 'fold 2: test subject s07 has 3 windows in train');
 */
export class DistillError extends Error {
  override readonly name = 'DistillError';
  readonly code: DistillErrorCode;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: DistillErrorCode, message: string, details: Readonly<Record<string, unknown>> = {}) {
    super(message);
    this.code = code;
    this.details = details;
  }
}
