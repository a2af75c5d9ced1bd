/** @module The one error type of TFLite export, reading and running, with stable codes. */

/** Stable codes of {@link TfliteError}. */
export type TfliteErrorCode =
  /** The net has a layer TFLite export does not map (a batch norm not after conv/dense). */
  | 'TFLITE_UNSUPPORTED_LAYER'
  /** The net's spec or weights do not fit together (wraps the folding error). */
  | 'TFLITE_BAD_NET'
  /** Bad export options (int8 without a calibrated range for a tensor, …). */
  | 'TFLITE_BAD_OPTIONS'
  /** The bytes end before a table, vector or buffer they point to. */
  | 'TFLITE_TRUNCATED'
  /** The bytes are not a TFLite model (too short, wrong file identifier). */
  | 'TFLITE_NOT_A_MODEL'
  /** The FlatBuffer is structurally invalid (offsets, indices or sizes out of range). */
  | 'TFLITE_CORRUPT'
  /** A valid TFLite model painkd does not read (schema version, several subgraphs, an operator it never writes). */
  | 'TFLITE_UNSUPPORTED'
  /** A TFLite runtime could not be loaded, or refused or failed to run a model. */
  | 'TFLITE_RUNTIME_FAILED';

/**
 * Raised when a net cannot be written as TFLite, bytes cannot be read as one, or a runtime fails.
 *
 * @example
 * ```ts
 * try { readTflite(bytes); } catch (e) { if (e instanceof TfliteError) console.error(e.code, e.details); }
 * ```
 */
export class TfliteError extends Error {
  override readonly name = 'TfliteError';
  readonly details: Readonly<Record<string, unknown>> | undefined;
  constructor(
    readonly code: TfliteErrorCode,
    message: string,
    options: { readonly cause?: unknown; readonly details?: Readonly<Record<string, unknown>> } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.details = options.details;
  }
}
