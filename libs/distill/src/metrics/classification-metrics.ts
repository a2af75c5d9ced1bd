/** @module Accuracy, macro-F1, MAE/RMSE on the pain scale and the confusion matrix of one test set. */
import { DistillError } from '../errors.js';
import type { MetricSet } from '../experiments/report-types.js';

/** Options of {@link computeMetrics}. */
export interface MetricOptions {
  /** Number of classes; labels and predictions must lie in `[0, classes)`. */
  readonly classes: number;
  /**
   * The value of each class on the ordinal scale MAE and RMSE are measured on. Default: the class
   * index (BL1 … PA4 → 0 … 4). The binary BL-vs-PA4 task passes `[0, 4]` to stay on the 0–4 scale.
   */
  readonly levels?: readonly number[];
}

/**
 * `confusion[true][predicted]` window counts.
 *
 * @example
 * confusionMatrix(Int32Array.of(0, 1), Int32Array.of(0, 0), 2); // [[1, 0], [1, 0]]
 */
export function confusionMatrix(yTrue: Int32Array, yPred: Int32Array, classes: number): number[][] {
  checkInputs(yTrue, yPred, classes);
  const m = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  for (let i = 0; i < yTrue.length; i++) m[yTrue[i]][yPred[i]]++;
  return m;
}

/**
 * Every metric of one model on one test set, computed like scikit-learn 1.2:
 *
 * - accuracy = (1/N) Σ [yᵢ = ŷᵢ]  (`accuracy_score`)
 * - macro-F1 = (1/C) Σ_c 2·TP_c / (2·TP_c + FP_c + FN_c) over **all** C classes, a class with no
 *   true and no predicted window scoring 0 (`f1_score(average='macro', labels=range(C),
 *   zero_division=0)`)
 * - MAE = (1/N) Σ |v(yᵢ) − v(ŷᵢ)|, RMSE = √((1/N) Σ (v(yᵢ) − v(ŷᵢ))²) with v = `levels`
 *   (`mean_absolute_error`, `mean_squared_error(squared=False)`)
 *
 * @example
 * const m = computeMetrics(labels, predictions, { classes: 5 });
 */
export function computeMetrics(yTrue: Int32Array, yPred: Int32Array, options: MetricOptions): MetricSet {
  const { classes } = options;
  const levels = options.levels ?? Array.from({ length: classes }, (_, c) => c);
  if (levels.length !== classes) {
    throw new DistillError('METRIC_INVALID_ARGUMENT', `levels has ${levels.length} entries for ${classes} classes`);
  }
  const confusion = confusionMatrix(yTrue, yPred, classes);
  const n = yTrue.length;
  let correct = 0;
  let absErr = 0;
  let sqErr = 0;
  for (let i = 0; i < n; i++) {
    if (yTrue[i] === yPred[i]) correct++;
    const e = levels[yTrue[i]] - levels[yPred[i]];
    absErr += Math.abs(e);
    sqErr += e * e;
  }
  let f1Sum = 0;
  for (let c = 0; c < classes; c++) {
    const tp = confusion[c][c];
    let fp = 0;
    let fn = 0;
    for (let k = 0; k < classes; k++) {
      if (k === c) continue;
      fp += confusion[k][c];
      fn += confusion[c][k];
    }
    const denom = 2 * tp + fp + fn;
    f1Sum += denom === 0 ? 0 : (2 * tp) / denom;
  }
  return { accuracy: correct / n, macroF1: f1Sum / classes, mae: absErr / n, rmse: Math.sqrt(sqErr / n), confusion };
}

/**
 * Index of the largest logit of each row of a row-major `[n, classes]` matrix (first on ties).
 *
 * @example
 * argmaxRows(Float32Array.of(0, 2, 1, 5, 0, 0), 3); // Int32Array [1, 0]
 */
export function argmaxRows(logits: Float32Array, classes: number): Int32Array {
  if (classes < 1 || logits.length % classes !== 0) {
    throw new DistillError('METRIC_INVALID_ARGUMENT', `${logits.length} logits is not a multiple of ${classes} classes`);
  }
  const n = logits.length / classes;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let c = 1; c < classes; c++) if (logits[i * classes + c] > logits[i * classes + best]) best = c;
    out[i] = best;
  }
  return out;
}

function checkInputs(yTrue: Int32Array, yPred: Int32Array, classes: number): void {
  if (!Number.isInteger(classes) || classes < 2) {
    throw new DistillError('METRIC_INVALID_ARGUMENT', `classes must be an integer ≥ 2, got ${classes}`);
  }
  if (yTrue.length !== yPred.length || yTrue.length === 0) {
    throw new DistillError('METRIC_INVALID_ARGUMENT', `need equal, non-zero label and prediction counts, got ${yTrue.length} and ${yPred.length}`);
  }
  for (let i = 0; i < yTrue.length; i++) {
    if (yTrue[i] < 0 || yTrue[i] >= classes || yPred[i] < 0 || yPred[i] >= classes) {
      throw new DistillError('METRIC_INVALID_ARGUMENT', `entry ${i} (true ${yTrue[i]}, predicted ${yPred[i]}) is outside [0, ${classes})`);
    }
  }
}
