/**
 * @module The report's fp32-vs-int8 rows: for every fold, the fold's student quantised to ONNX and
 * TFLite int8 with the calibration the shipped artifact uses (chosen on the fold's training
 * windows), every model scored on the fold's test windows by @painkd/distill's `scoreLogits` — the
 * same metrics as the main table (MAE on the pain scale, macro-F1 over all classes).
 */
import { scoreLogits, type ExperimentOutcome, type QuantizationRow, type QuantizedScores } from '@painkd/distill';
import { foldInt8Logits } from '@painkd/models';
import { sampleIndices } from './sample-indices.js';

/** Options of {@link quantizationRows}. */
export interface QuantizationRowsOptions {
  /** Training windows per fold used for calibration. */
  readonly calibrationWindows: number;
  readonly seed: number;
  /** Checked between folds. */
  readonly throwIfAborted: () => void;
}

/**
 * One row per fold student of the run.
 *
 * @example
 * const rows = await quantizationRows(outcome, { calibrationWindows: 512, seed: config.seed, throwIfAborted });
 */
export async function quantizationRows(outcome: ExperimentOutcome, options: QuantizationRowsOptions): Promise<QuantizationRow[]> {
  const { data } = outcome;
  const per = data.length * data.channels;
  const windowOf = (i: number): Float32Array => data.x.slice(i * per, (i + 1) * per);
  const rows: QuantizationRow[] = [];
  for (const fs of outcome.foldStudents) {
    options.throwIfAborted();
    const logits = await foldInt8Logits({
      fold: fs.fold,
      student: fs.net,
      calibrationWindows: sampleIndices(fs.train, options.calibrationWindows, options.seed).map(windowOf),
      testWindows: [...fs.test].map(windowOf),
    });
    const labels = Int32Array.from(fs.test, (i) => data.labels[i]!);
    const score = (l: Float32Array): QuantizedScores => scoreLogits(l, labels, logits.classes);
    rows.push({
      fold: fs.fold,
      fp32: score(logits.fp32),
      int8: score(logits.onnxInt8),
      ...(logits.tfliteInt8 ? { tfliteInt8: score(logits.tfliteInt8) } : {}),
      calibration: logits.calibration,
    });
  }
  return rows;
}
