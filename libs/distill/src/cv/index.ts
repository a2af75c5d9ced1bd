/** @module Public exports of the cross-validation part of @painkd/distill. */
export * from './fold.js';
export * from './make-folds.js';
export * from './subject-leak.js';
