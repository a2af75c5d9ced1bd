/**
 * @module What the report's fp32-vs-int8 rows are made of, for one fold: the fold's student
 * exported to ONNX, its int8 quantisation with the calibration {@link chooseCalibration} picks on
 * the fold's training windows (the same choice the shipped artifact makes), the TFLite int8 model
 * from that calibration, and each model's logits on the fold's test windows. Scoring the logits is
 * the caller's (the trainer scores them with @painkd/distill's metrics, like every other row).
 */
import type { RuntimeName } from '@painkd/runtime';
import type { NetSpec, NetWeights } from '../nets/net-spec.js';
import { exportOnnx } from '../onnx/export-onnx.js';
import { chooseCalibration, type CalibrationChoice } from '../onnx/quantize/choose-calibration.js';
import { predictLogits } from '../onnx/quantize/compare-models.js';
import { quantizeTflite } from '../tflite/quantize-tflite.js';
import { tfliteLogits } from '../tflite/runtimes/tflite-logits.js';
import type { TfliteRuntimeName } from '../tflite/runtimes/tflite-session.js';

/** Inputs of {@link foldInt8Logits}. */
export interface FoldInt8Options {
  readonly fold: number;
  readonly student: { readonly spec: NetSpec; readonly weights: NetWeights };
  /** Training windows of this fold (each `length × channels`), for activation calibration. */
  readonly calibrationWindows: readonly Float32Array[];
  /** Test windows of this fold. */
  readonly testWindows: readonly Float32Array[];
  /** Also quantise to TFLite and run it in this runtime (default `litert`); `false` skips TFLite. */
  readonly tflite?: TfliteRuntimeName | false;
  readonly runtime?: RuntimeName | 'auto';
}

/** Row-major `[windows, classes]` logits of each model of one fold on its test windows. */
export interface FoldInt8Logits {
  readonly fold: number;
  readonly classes: number;
  readonly calibration: CalibrationChoice;
  readonly fp32: Float32Array;
  readonly onnxInt8: Float32Array;
  readonly tfliteInt8?: Float32Array;
}

/**
 * Quantises a fold's student both ways and returns every model's test logits.
 *
 * @example
 * ```ts
 * const logits = await foldInt8Logits({ fold: 0, student, calibrationWindows: train.slice(0, 512), testWindows });
 * ```
 */
export async function foldInt8Logits(options: FoldInt8Options): Promise<FoldInt8Logits> {
  const { spec, weights } = options.student;
  const runtime = options.runtime ?? 'auto';
  const fp32 = exportOnnx(spec, weights);
  const chosen = await chooseCalibration(fp32, options.calibrationWindows, { runtime });
  const tfliteRuntime = options.tflite ?? 'litert';
  const tflite = tfliteRuntime === false ? undefined : await quantizeTflite(spec, weights, fp32, options.calibrationWindows, chosen.calibration, { runtime });
  return {
    fold: options.fold,
    classes: spec.classes,
    calibration: chosen.calibration,
    fp32: await predictLogits(fp32, options.testWindows, { runtime }),
    onnxInt8: await predictLogits(chosen.model, options.testWindows, { runtime }),
    ...(tflite && tfliteRuntime !== false ? { tfliteInt8: await tfliteLogits(tflite.floatIo, options.testWindows, tfliteRuntime) } : {}),
  };
}
