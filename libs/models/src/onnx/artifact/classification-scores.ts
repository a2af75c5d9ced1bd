/**
 * @module The three scores the report's fp32-vs-int8 rows show, from true and predicted class
 * indices: accuracy, macro-F1 (over the classes present in either, as scikit-learn does) and MAE
 * on the class-index scale (0–4 for the five pain levels).
 */

/** Accuracy, macro-F1 and MAE of one model on one test set. */
export interface ClassificationScores {
  readonly accuracy: number;
  readonly macroF1: number;
  readonly mae: number;
}

/**
 * Scores predictions against labels.
 *
 * @example
 * ```ts
 * classificationScores(Int32Array.of(0, 1, 2), Int32Array.of(0, 2, 2)); // accuracy 2/3, mae 1/3
 * ```
 */
export function classificationScores(labels: ArrayLike<number>, predictions: ArrayLike<number>): ClassificationScores {
  const n = labels.length;
  if (n === 0 || predictions.length !== n) throw new RangeError(`need as many predictions as labels (got ${predictions.length} and ${n}, at least 1)`);
  let correct = 0;
  let absError = 0;
  const classes = new Set<number>();
  for (let i = 0; i < n; i++) {
    correct += labels[i] === predictions[i] ? 1 : 0;
    absError += Math.abs(labels[i]! - predictions[i]!);
    classes.add(labels[i]!).add(predictions[i]!);
  }
  let f1Sum = 0;
  for (const c of classes) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < n; i++) {
      if (predictions[i] === c && labels[i] === c) tp++;
      else if (predictions[i] === c) fp++;
      else if (labels[i] === c) fn++;
    }
    f1Sum += tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  }
  return { accuracy: correct / n, macroF1: f1Sum / classes.size, mae: absError / n };
}
