/** @module Every metric of one model from its test logits: the scoring the fold rows and the int8 rows share. */
import { argmaxRows, computeMetrics } from './classification-metrics.js';
import { BINARY_TASK } from './binary-task.js';
import type { MetricSet } from '../experiments/report-types.js';

/**
 * Predicts the argmax class of each row of `[n, classes]` logits and scores it with
 * {@link computeMetrics}; a 2-class (BL1 vs PA4) model's MAE/RMSE are on the 0–4 pain scale.
 *
 * @example
 * const metrics = scoreLogits(testLogits, testLabels, 5);
 */
export function scoreLogits(logits: Float32Array, labels: Int32Array, classes: number): MetricSet {
  const levels = classes === 2 ? { levels: [BINARY_TASK.negative, BINARY_TASK.positive] } : {};
  return computeMetrics(labels, argmaxRows(logits, classes), { classes, ...levels });
}
