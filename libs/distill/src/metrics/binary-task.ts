/** @module The literature's binary pain task, baseline (BL1) vs highest pain (PA4), from a 5-class model. */
import { computeMetrics } from './classification-metrics.js';
import { DistillError } from '../errors.js';
import type { MetricSet } from '../experiments/report-types.js';

/** Class indices of the binary task in the 5-class label space, and their 0–4 scale values. */
export const BINARY_TASK = { negative: 0, positive: 4 } as const;

/**
 * Evaluates a multiclass model on the binary BL1-vs-PA4 task: keeps the test windows labelled
 * BL1 or PA4 and predicts PA4 when the PA4 logit exceeds the BL1 logit (the model's decision
 * restricted to those two classes; the other logits are ignored). MAE/RMSE are on the 0–4 scale
 * (an error costs 4), so they compare with the multiclass figures.
 *
 * @param logits row-major `[n, classes]` test logits of the multiclass model.
 * @param labels `[n]` 5-class labels.
 * @returns metrics with classes 0 = BL1, 1 = PA4; `undefined` when no BL1/PA4 window exists.
 *
 * @example
 * const binary = binaryTaskMetrics(testLogits, testLabels, 5);
 */
export function binaryTaskMetrics(logits: Float32Array, labels: Int32Array, classes: number): MetricSet | undefined {
  if (logits.length !== labels.length * classes || classes <= BINARY_TASK.positive) {
    throw new DistillError('METRIC_INVALID_ARGUMENT', `binary task needs [n, ≥5] logits for n labels, got ${logits.length} logits, ${labels.length} labels`);
  }
  const yTrue: number[] = [];
  const yPred: number[] = [];
  for (let i = 0; i < labels.length; i++) {
    const y = labels[i];
    if (y !== BINARY_TASK.negative && y !== BINARY_TASK.positive) continue;
    yTrue.push(y === BINARY_TASK.positive ? 1 : 0);
    yPred.push(logits[i * classes + BINARY_TASK.positive] > logits[i * classes + BINARY_TASK.negative] ? 1 : 0);
  }
  if (yTrue.length === 0) return undefined;
  return computeMetrics(Int32Array.from(yTrue), Int32Array.from(yPred), {
    classes: 2,
    levels: [BINARY_TASK.negative, BINARY_TASK.positive],
  });
}
