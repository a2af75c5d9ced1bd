/**
 * @module The one place the int8 calibration is chosen, for the shipped artifact and for the
 * per-fold fp32-vs-int8 rows alike: quantise with `minmax` and with `percentile` and keep the one
 * whose int8 logits agree better with fp32 on the calibration windows (argmax agreement, then mean
 * |Δlogit|). The TFLite int8 model calibrates with the method chosen here, so all int8 formats of
 * a net share one calibration.
 */
import type { RuntimeName } from '@painkd/runtime';
import type { CalibrationMethod } from './calibrate.js';
import { logitAgreement, predictLogits, type ModelAgreement } from './compare-models.js';
import { quantizeOnnx, type QuantizationSummary } from './quantize-onnx.js';

/** A calibration: the method, and the percentile when it is `percentile`. */
export interface CalibrationChoice {
  readonly method: CalibrationMethod;
  readonly percentile?: number;
}

/** Options of {@link chooseCalibration}. */
export interface ChooseCalibrationOptions {
  /** `best` (default: try both), or force one method. */
  readonly method?: CalibrationMethod | 'best';
  /** Percentile of the `percentile` method (default 99.99). */
  readonly percentile?: number;
  readonly runtime?: RuntimeName | 'auto';
}

/** The chosen calibration and the ONNX int8 model it gave. */
export interface ChosenCalibration {
  readonly calibration: CalibrationChoice;
  readonly model: Uint8Array;
  readonly summary: QuantizationSummary;
  /** fp32 vs this int8 model on the calibration windows. */
  readonly agreement: ModelAgreement;
  /** Row-major `[windows, classes]` logits of the fp32 and of this int8 model on the calibration windows. */
  readonly logits: { readonly fp32: Float32Array; readonly int8: Float32Array };
}

/**
 * Quantises an fp32 ONNX model with each candidate calibration and keeps the best.
 *
 * @example
 * ```ts
 * const { calibration, model } = await chooseCalibration(fp32Onnx, trainingWindows);
 * ```
 */
export async function chooseCalibration(fp32: Uint8Array, windows: readonly Float32Array[], options: ChooseCalibrationOptions = {}): Promise<ChosenCalibration> {
  const method = options.method ?? 'best';
  const percentile = options.percentile ?? 99.99;
  const runtime = options.runtime ?? 'auto';
  const candidates: readonly CalibrationMethod[] = method === 'best' ? ['minmax', 'percentile'] : [method];
  // The fp32 logits are the same for every candidate: run once, after quantizeOnnx has checked the windows.
  let reference: Float32Array | undefined;
  let best: ChosenCalibration | null = null;
  for (const m of candidates) {
    const calibration: CalibrationChoice = m === 'percentile' ? { method: m, percentile } : { method: m };
    const q = await quantizeOnnx(fp32, windows, { ...calibration, runtime });
    reference ??= await predictLogits(fp32, windows, { runtime });
    const int8 = await predictLogits(q.model, windows, { runtime });
    const agreement = logitAgreement(reference, int8, windows.length);
    if (!best || agreement.argmaxAgreement > best.agreement.argmaxAgreement || (agreement.argmaxAgreement === best.agreement.argmaxAgreement && agreement.meanAbsLogitDiff < best.agreement.meanAbsLogitDiff)) {
      best = { calibration, model: q.model, summary: q.summary, agreement, logits: { fp32: reference, int8 } };
    }
  }
  return best!;
}
