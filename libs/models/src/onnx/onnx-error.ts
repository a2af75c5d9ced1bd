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
  readonly details: Readonly<Record<string, unknown>> | undefined;
  constructor(
    readonly code: OnnxErrorCode,
    message: string,
    options: { readonly cause?: unknown; readonly details?: Readonly<Record<string, unknown>> } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.details = options.details;
  }
}
