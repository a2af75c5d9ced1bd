/**
 * @module The manifest's `metrics`: the per-fold fp32/int8 rows, their means (confusions summed),
 * and per format the signed mean difference int8 − fp32 — the same figure the report shows.
 */
import { int8MinusFp32, type QuantizationRow, type QuantizedScores } from '@painkd/distill';
import type { ArtifactManifestInput } from '@painkd/runtime';

type Scores = ArtifactManifestInput['metrics']['folds'][number]['fp32'];

/**
 * Builds the manifest's metrics from the rows (empty folds when there are none).
 *
 * @example
 * await writeArtifact(dir, { …, metrics: artifactMetrics(rows) });
 */
export function artifactMetrics(rows: readonly QuantizationRow[]): ArtifactManifestInput['metrics'] {
  if (rows.length === 0) return { folds: [] };
  const copy = (s: QuantizedScores): Scores => ({ accuracy: s.accuracy, macroF1: s.macroF1, mae: s.mae, ...(s.rmse === undefined ? {} : { rmse: s.rmse }), ...(s.confusion ? { confusion: s.confusion.map((r) => [...r]) } : {}) });
  const mean = (pick: (r: QuantizationRow) => QuantizedScores): Scores => {
    const sets = rows.map(pick);
    const avg = (f: (s: QuantizedScores) => number): number => sets.reduce((a, s) => a + f(s), 0) / sets.length;
    const confusion = sets.every((s) => s.confusion) ? sets[0]!.confusion!.map((r, i) => r.map((_, j) => sets.reduce((a, s) => a + s.confusion![i]![j]!, 0))) : undefined;
    return { accuracy: avg((s) => s.accuracy), macroF1: avg((s) => s.macroF1), mae: avg((s) => s.mae), ...(confusion ? { confusion } : {}) };
  };
  const tflite = rows.every((r) => r.tfliteInt8);
  const diff = int8MinusFp32(rows);
  return {
    folds: rows.map((r) => ({
      fold: r.fold,
      fp32: copy(r.fp32),
      int8: copy(r.int8),
      ...(r.tfliteInt8 ? { tfliteInt8: copy(r.tfliteInt8) } : {}),
      ...(r.calibration ? { calibration: { ...r.calibration } } : {}),
    })),
    mean: { fp32: mean((r) => r.fp32), int8: mean((r) => r.int8), ...(tflite ? { tfliteInt8: mean((r) => r.tfliteInt8!) } : {}) },
    int8MinusFp32: { onnx: diff.onnx!, ...(diff.tflite ? { tflite: diff.tflite } : {}) },
  };
}
