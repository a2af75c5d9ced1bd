/**
 * @module Shared fixtures of the TFLite tests: the registered student with trained-like batch
 * norms, its fp32 ONNX model, seeded calibration and evaluation windows, and the int8 models both
 * formats make from one calibration.
 */
import { initBackend } from '../../backends/index.js';
import type { NetSpec, NetWeights } from '../../nets/net-spec.js';
import { exportOnnx } from '../../onnx/export-onnx.js';
import { chooseCalibration, type ChosenCalibration } from '../../onnx/quantize/choose-calibration.js';
import { testWindows } from '../../onnx/test-support/random-net.js';
import { registeredNet } from '../../onnx/test-support/registered-net.js';
import { quantizeTflite, type TfliteInt8Models } from '../quantize-tflite.js';

/** Everything the int8 TFLite tests compare. */
export interface StudentFixture {
  readonly spec: NetSpec;
  readonly weights: NetWeights;
  readonly fp32Onnx: Uint8Array;
  readonly chosen: ChosenCalibration;
  readonly tflite: TfliteInt8Models;
  /** 1,000 windows `[176, 1]`, half noise and half GSR-like. */
  readonly windows: readonly Float32Array[];
}

/**
 * Splits packed windows into one array per window.
 *
 * @example
 * ```ts
 * splitWindows(testWindows(10, 176, 1, 1), 176); // 10 windows
 * ```
 */
export function splitWindows(packed: Float32Array, size: number): Float32Array[] {
  return Array.from({ length: packed.length / size }, (_, i) => packed.subarray(i * size, (i + 1) * size));
}

/**
 * Builds the student fixture (calibration on 256 windows of its own seed).
 *
 * @example
 * ```ts
 * const { tflite, chosen } = await studentFixture();
 * ```
 */
export async function studentFixture(): Promise<StudentFixture> {
  await initBackend('wasm');
  const { spec, weights } = registeredNet('student-tiny', 1);
  const fp32Onnx = exportOnnx(spec, weights, { outputs: ['logits'] });
  const calibration = splitWindows(testWindows(256, 176, 1, 100), 176);
  const chosen = await chooseCalibration(fp32Onnx, calibration, { runtime: 'node' });
  const tflite = await quantizeTflite(spec, weights, fp32Onnx, calibration, chosen.calibration, { runtime: 'node' });
  return { spec, weights, fp32Onnx, chosen, tflite, windows: splitWindows(testWindows(1000, 176, 1, 200), 176) };
}
