/**
 * @module The report's fp32-vs-int8 rows: export a fold's student, quantise it with that fold's
 * training windows, score both on the fold's test windows; and the mean over folds.
 */
import type { RuntimeName } from '@painkd/runtime';
import type { NetSpec, NetWeights } from '../../nets/net-spec.js';
import { exportOnnx } from '../export-onnx.js';
import { argmax, predictLogits } from '../quantize/compare-models.js';
import { quantizeOnnx, type QuantizeOnnxOptions } from '../quantize/quantize-onnx.js';
import { classificationScores, type ClassificationScores } from './classification-scores.js';

/** fp32 and int8 student scores on one fold (the shape of the report's `quantization` rows). */
export interface QuantizationRow {
  readonly fold: number;
  readonly fp32: ClassificationScores;
  readonly int8: ClassificationScores;
}

/** Inputs of {@link evaluateQuantization}. */
export interface EvaluateQuantizationOptions {
  readonly fold: number;
  readonly student: { readonly spec: NetSpec; readonly weights: NetWeights };
  /** Training windows of this fold (each `length × channels`), for activation calibration. */
  readonly calibrationWindows: readonly Float32Array[];
  /** Test windows of this fold and their class indices. */
  readonly testWindows: readonly Float32Array[];
  readonly labels: ArrayLike<number>;
  readonly quantization?: QuantizeOnnxOptions;
  readonly runtime?: RuntimeName | 'auto';
}

/**
 * Scores a fold's fp32 student and its int8 quantisation on the fold's test windows.
 *
 * @example
 * ```ts
 * const row = await evaluateQuantization({ fold: 0, student: { spec, weights }, calibrationWindows: train.slice(0, 512), testWindows, labels });
 * ```
 */
export async function evaluateQuantization(options: EvaluateQuantizationOptions): Promise<QuantizationRow> {
  const { spec, weights } = options.student;
  const fp32 = exportOnnx(spec, weights);
  const { model: int8 } = await quantizeOnnx(fp32, options.calibrationWindows, { ...options.quantization, runtime: options.runtime ?? 'auto' });
  const score = async (model: Uint8Array): Promise<ClassificationScores> => {
    const logits = await predictLogits(model, options.testWindows, { runtime: options.runtime ?? 'auto' });
    const predictions = new Int32Array(options.testWindows.length);
    for (let i = 0; i < predictions.length; i++) predictions[i] = argmax(logits, i * spec.classes, spec.classes);
    return classificationScores(options.labels, predictions, spec.classes);
  };
  return { fold: options.fold, fp32: await score(fp32), int8: await score(int8) };
}

/**
 * Mean of each score over folds, and the confusion matrices summed over folds.
 *
 * @example
 * ```ts
 * const { fp32, int8 } = meanQuantizationRows(rows);
 * ```
 */
export function meanQuantizationRows(rows: readonly QuantizationRow[]): { fp32: ClassificationScores; int8: ClassificationScores } {
  if (rows.length === 0) throw new RangeError('no rows to average');
  const mean = (pick: (r: QuantizationRow) => ClassificationScores): ClassificationScores => ({
    accuracy: rows.reduce((s, r) => s + pick(r).accuracy, 0) / rows.length,
    macroF1: rows.reduce((s, r) => s + pick(r).macroF1, 0) / rows.length,
    mae: rows.reduce((s, r) => s + pick(r).mae, 0) / rows.length,
    confusion: pick(rows[0]!).confusion.map((row, i) => row.map((_, j) => rows.reduce((s, r) => s + pick(r).confusion[i]![j]!, 0))),
  });
  return { fp32: mean((r) => r.fp32), int8: mean((r) => r.int8) };
}
