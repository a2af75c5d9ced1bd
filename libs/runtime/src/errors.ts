/**
 * @module The one error type of @painkd/runtime. Callers (the edge API, tools) switch on `code`,
 * which is stable; messages are for people.
 */

/** Stable codes of {@link RuntimeError}. */
export type RuntimeErrorCode =
  /** No ONNX runtime in the requested list could be loaded; the message lists each failure. */
  | 'RUNTIME_UNAVAILABLE'
  /** The runtime rejected the model bytes. */
  | 'MODEL_LOAD_FAILED'
  /** The model does not have the `input` → `logits` interface painkd expects. */
  | 'MODEL_BAD_INTERFACE'
  /** An input array does not match `batch × length × channels`, or the batch is not a positive integer. */
  | 'BAD_INPUT'
  /** Inference failed inside the runtime. */
  | 'INFERENCE_FAILED'
  /** The session was used after `dispose()`. */
  | 'SESSION_DISPOSED'
  /** The artifact folder or its manifest.json does not exist or cannot be read. */
  | 'ARTIFACT_NOT_FOUND'
  /** manifest.json is not JSON or fails the manifest schema (the message names the path). */
  | 'ARTIFACT_INVALID_MANIFEST'
  /** A model file listed in the manifest is missing. */
  | 'MODEL_FILE_MISSING'
  /** A model file's sha256 differs from the manifest's (the message names the file). */
  | 'MODEL_HASH_MISMATCH';

/**
 * An error of the ONNX runtime layer with a stable `code` (and, for manifest errors, the JSON
 * path of the first problem in `path`).
 *
 * @example
 * ```ts
 * try { await loadArtifact('artifacts'); }
 * catch (e) { if (e instanceof RuntimeError && e.code === 'MODEL_HASH_MISMATCH') process.exit(2); }
 * ```
 */
export class RuntimeError extends Error {
  override readonly name = 'RuntimeError';
  constructor(
    readonly code: RuntimeErrorCode,
    message: string,
    readonly path?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
