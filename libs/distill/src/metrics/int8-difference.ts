/**
 * @module The int8 student against its fp32 original, said one way everywhere (report card, text,
 * tables, manifest): the signed mean difference **int8 − fp32** over the same folds and test
 * windows, per int8 format (ONNX, TFLite). Positive accuracy means int8 did better.
 */
import type { QuantizationRow, QuantizedScores } from '../experiments/report-types.js';

/** An int8 format whose rows the report carries. */
export type Int8Format = 'onnx' | 'tflite';

/** Signed mean int8 − fp32 of each score (accuracy and macro-F1 as fractions, MAE on the class scale). */
export interface ScoreDifference {
  readonly accuracy: number;
  readonly macroF1: number;
  readonly mae: number;
}

/** Each int8 format with its label; {@link int8Scores} finds its scores in a {@link QuantizationRow}. */
export const INT8_FORMATS: readonly { readonly format: Int8Format; readonly label: string }[] = [
  { format: 'onnx', label: 'ONNX int8' },
  { format: 'tflite', label: 'TFLite int8' },
];

/**
 * The int8 scores of one format in a row, if the row has them.
 *
 * @example
 * int8Scores(row, 'tflite')?.accuracy;
 */
export function int8Scores(row: QuantizationRow, format: Int8Format): QuantizedScores | undefined {
  return format === 'onnx' ? row.int8 : row.tfliteInt8;
}

/**
 * Mean int8 − fp32 over the rows, per format present in every row.
 *
 * @example
 * int8MinusFp32(report.quantization ?? []).onnx?.accuracy; // +0.0016: int8 0.16 points better
 */
export function int8MinusFp32(rows: readonly QuantizationRow[]): Partial<Record<Int8Format, ScoreDifference>> {
  const out: Partial<Record<Int8Format, ScoreDifference>> = {};
  if (rows.length === 0) return out;
  for (const { format } of INT8_FORMATS) {
    const pairs = rows.map((r) => [int8Scores(r, format), r.fp32] as const);
    if (pairs.some(([q]) => q === undefined)) continue;
    const mean = (pick: (s: QuantizedScores) => number): number => pairs.reduce((a, [q, f]) => a + pick(q!) - pick(f), 0) / pairs.length;
    out[format] = { accuracy: mean((s) => s.accuracy), macroF1: mean((s) => s.macroF1), mae: mean((s) => s.mae) };
  }
  return out;
}
