/** @module The one error type of ONNX export, quantisation and artifact writing, with stable codes. */

/** Stable codes of {@link OnnxError}. */
export type OnnxErrorCode =
  | 'ONNX_BAD_OPTIONS'
  | 'ONNX_UNSUPPORTED_LAYER'
  | 'ONNX_MISSING_WEIGHT'
  | 'ONNX_BAD_SHAPE'
  | 'QUANT_UNSUPPORTED_GRAPH'
  | 'QUANT_NO_CALIBRATION'
  | 'ARTIFACT_WRITE_FAILED';

/**
 * Raised when a net cannot be exported, a model cannot be quantised or an artifact not written.
 *
 * @example
 * ```ts
 * try { exportOnnx(spec, weights); } catch (e) { if (e instanceof OnnxError) console.error(e.code); }
 * ```
 */
export class OnnxError extends Error {
  override readonly name = 'OnnxError';
  constructor(
    readonly code: OnnxErrorCode,
    message: string,
  ) {
    super(message);
  }
}
