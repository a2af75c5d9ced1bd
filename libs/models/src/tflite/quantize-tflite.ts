/**
 * @module Full-integer int8 TFLite from a net and its fp32 ONNX model: calibrates the activation
 * ranges the TFLite graph needs on the given windows, with a given calibration (the one
 * `chooseCalibration` picked for the ONNX int8), in onnxruntime, then writes both I/O variants.
 */
import type { RuntimeName } from '@painkd/runtime';
import type { NetSpec, NetWeights } from '../nets/net-spec.js';
import { calibrateRanges } from '../onnx/quantize/calibrate.js';
import type { CalibrationChoice } from '../onnx/quantize/choose-calibration.js';
import { exportTflite, tfliteCalibrationTensors } from './export-tflite.js';

/** The two int8 variants of one net, from one calibration. */
export interface TfliteInt8Models {
  /** float input and output, QUANTIZE/DEQUANTIZE at the ends: every runtime, `student.int8.tflite`. */
  readonly floatIo: Uint8Array;
  /** int8 input and output: microcontrollers (the C array). */
  readonly int8Io: Uint8Array;
}

/**
 * Calibrates and writes both int8 TFLite variants.
 *
 * @example
 * ```ts
 * const { floatIo, int8Io } = await quantizeTflite(spec, weights, fp32Onnx, trainingWindows, { method: 'minmax' });
 * ```
 */
export async function quantizeTflite(
  spec: NetSpec,
  weights: NetWeights,
  fp32Onnx: Uint8Array,
  windows: readonly Float32Array[],
  calibration: CalibrationChoice,
  options: { readonly runtime?: RuntimeName | 'auto' } = {},
): Promise<TfliteInt8Models> {
  const ranges = await calibrateRanges(fp32Onnx, tfliteCalibrationTensors(spec, weights), windows, { ...calibration, runtime: options.runtime ?? 'auto' });
  return {
    floatIo: exportTflite(spec, weights, { int8: { ranges, io: 'float' } }),
    int8Io: exportTflite(spec, weights, { int8: { ranges, io: 'int8' } }),
  };
}
