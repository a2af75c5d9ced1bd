/** @module Public exports of the metrics part of @painkd/distill. */
export * from './binary-task.js';
export * from './classification-metrics.js';
export * from './fold-summary.js';
export * from './int8-difference.js';
export * from './score-logits.js';
