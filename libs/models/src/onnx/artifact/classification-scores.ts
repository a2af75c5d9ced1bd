/**
 * @module The three scores the report's fp32-vs-int8 rows show, from true and predicted class
 * indices: accuracy, macro-F1 (over the classes present in either, as scikit-learn does) and MAE
 * on the class-index scale (0–4 for the five pain levels); and the confusion matrix behind them.
 */

/** Accuracy, macro-F1 and MAE of one model on one test set. */
export interface ClassificationScores {
  readonly accuracy: number;
  readonly macroF1: number;
  readonly mae: number;
  /** `confusion[true][predicted]` window counts, `classes × classes`. */
  readonly confusion: number[][];
}

/**
 * Scores predictions against labels.
 *
 * @example
 * ```ts
 * classificationScores(Int32Array.of(0, 1, 2), Int32Array.of(0, 2, 2), 3); // accuracy 2/3, mae 1/3
 * ```
 */
export function classificationScores(labels: ArrayLike<number>, predictions: ArrayLike<number>, classes: number): ClassificationScores {
  const n = labels.length;
  if (n === 0 || predictions.length !== n) throw new RangeError(`need as many predictions as labels (got ${predictions.length} and ${n}, at least 1)`);
  const confusion = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  let correct = 0;
  let absError = 0;
  const present = new Set<number>();
  for (let i = 0; i < n; i++) {
    correct += labels[i] === predictions[i] ? 1 : 0;
    absError += Math.abs(labels[i]! - predictions[i]!);
    present.add(labels[i]!).add(predictions[i]!);
    const row = confusion[labels[i]!];
    if (row === undefined || predictions[i]! < 0 || predictions[i]! >= classes) {
      throw new RangeError(`class index out of range [0, ${classes}) at ${i}: label ${labels[i]}, prediction ${predictions[i]}`);
    }
    row[predictions[i]!]!++;
  }
  let f1Sum = 0;
  for (const c of present) {
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
  return { accuracy: correct / n, macroF1: f1Sum / present.size, mae: absError / n, confusion };
}
