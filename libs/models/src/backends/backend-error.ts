/** @module The error type of tfjs backend selection, with stable codes. */

/** Stable codes of {@link BackendError}. */
export type BackendErrorCode = 'BACKEND_UNKNOWN' | 'BACKEND_UNAVAILABLE' | 'BACKEND_BAD_OPTIONS';

/** One candidate's outcome while resolving a backend. */
export interface BackendAttempt {
  readonly name: string;
  readonly ok: boolean;
  /** Why the candidate could not be used (absent when `ok`). */
  readonly reason?: string;
}

/**
 * Raised when a requested backend is unknown or no candidate could be initialised; `tried`
 * lists every candidate with its failure reason.
 *
 * @example
 * ```ts
 * try { await initBackend('tfjs-node'); } catch (e) { if (e instanceof BackendError) console.error(e.tried); }
 * ```
 */
export class BackendError extends Error {
  override readonly name = 'BackendError';
  constructor(
    readonly code: BackendErrorCode,
    message: string,
    readonly tried: readonly BackendAttempt[] = [],
  ) {
    super(message);
  }
}
