/** @module One cross-validation fold: which subjects and windows train, validate and test. */

/**
 * A fold of a subject-grouped cross-validation. Window indices point into the
 * {@link WindowDataset} the folds were made from; every subject is in exactly one of the three
 * subject lists.
 */
export interface Fold {
  /** 0-based fold number. */
  readonly index: number;
  /** Subjects whose windows train the nets (training subjects minus validation subjects). */
  readonly trainSubjects: readonly string[];
  /** Training subjects held out for early stopping and learning-rate decisions. */
  readonly valSubjects: readonly string[];
  /** Subjects the fold is scored on. */
  readonly testSubjects: readonly string[];
  readonly train: Int32Array;
  readonly val: Int32Array;
  readonly test: Int32Array;
}
