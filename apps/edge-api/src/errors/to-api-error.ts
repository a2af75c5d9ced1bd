/**
 * @module Maps errors from the libraries to {@link ApiError}s by type: `instanceof` their error
 * class, then a table over their code union. A code renamed in a library fails to compile here;
 * a code not in a table is a server fault (500), which the fuzz tests assert client input never
 * reaches.
 */
import { RuntimeError, type RuntimeErrorCode } from '@painkd/runtime';
import { SignalsError, type SignalsErrorCode } from '@painkd/signals';
import { ApiError, type ApiErrorCode } from './api-error.js';

/** @painkd/signals failures that are the client's: the code each answers with, and its default path. */
const SIGNALS_ERRORS: Partial<Record<SignalsErrorCode, { readonly code: ApiErrorCode; readonly path: string }>> = {
  STREAM_SEQ_GAP: { code: 'SEQ_GAP', path: 'seq' },
  STREAM_SEQ_DUPLICATE: { code: 'SEQ_DUPLICATE', path: 'seq' },
  STREAM_INVALID_CHUNK: { code: 'INVALID_SAMPLES', path: 'samples' },
  SIGNAL_INVALID_ARGUMENT: { code: 'INVALID_SAMPLES', path: 'samples' },
  SIGNAL_TOO_MUCH_MISSING: { code: 'INVALID_SAMPLES', path: 'samples' },
};

/** @painkd/runtime failures during a request that have a meaning for the client. */
const RUNTIME_ERRORS: Partial<Record<RuntimeErrorCode, ApiErrorCode>> = {
  SESSION_DISPOSED: 'SHUTTING_DOWN',
};

/** Sequence facts a 409 carries so the client knows what to send next. */
function seqDetails(details: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> | undefined {
  const out: Record<string, unknown> = {};
  if (typeof details['expectedSeq'] === 'number') out['expectedSeq'] = details['expectedSeq'];
  if (typeof details['receivedSeq'] === 'number') out['receivedSeq'] = details['receivedSeq'];
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * Converts any thrown value to an {@link ApiError}; `path` overrides the mapped default.
 *
 * @example
 * try { stream.push(seq, samples); } catch (e) { throw toApiError(e, 'line 3.seq'); }
 */
export function toApiError(error: unknown, path = ''): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof SignalsError) {
    const mapped = SIGNALS_ERRORS[error.code];
    if (mapped !== undefined) return new ApiError(mapped.code, error.message, { path: path || mapped.path, details: seqDetails(error.details), cause: error });
  }
  if (error instanceof RuntimeError) {
    const code = RUNTIME_ERRORS[error.code];
    if (code !== undefined) return new ApiError(code, error.message, { path, cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new ApiError('INTERNAL', `internal error: ${message}`, { path, cause: error });
}
