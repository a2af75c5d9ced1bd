/**
 * @module Maps errors from the libraries (signals, runtime) to {@link ApiError}s by their stable
 * `code`: the one place that decides which library failure is the client's fault.
 */
import { ApiError } from './api-error.js';

interface CodedError {
  readonly code: string;
  readonly message: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

function isCoded(error: unknown): error is CodedError {
  return error instanceof Error && typeof (error as { code?: unknown }).code === 'string';
}

/**
 * Converts any thrown value to an {@link ApiError}. Stream sequence errors become 409s carrying
 * `expectedSeq`; argument errors become 400s; anything unknown becomes a 500 `INTERNAL` (which the
 * fuzz tests assert never happens for client input).
 *
 * @example
 * try { stream.push(seq, samples); } catch (e) { throw toApiError(e, 'seq'); }
 */
export function toApiError(error: unknown, path = ''): ApiError {
  if (error instanceof ApiError) return error;
  if (isCoded(error)) {
    const details = error.details ?? {};
    switch (error.code) {
      case 'STREAM_SEQ_GAP':
        return new ApiError('SEQ_GAP', error.message, path || 'seq', pickSeq(details));
      case 'STREAM_SEQ_DUPLICATE':
        return new ApiError('SEQ_DUPLICATE', error.message, path || 'seq', pickSeq(details));
      case 'STREAM_INVALID_CHUNK':
        return new ApiError('INVALID_SAMPLES', error.message, path || 'samples');
      case 'SIGNAL_INVALID_ARGUMENT':
      case 'SIGNAL_TOO_MUCH_MISSING':
        return new ApiError('INVALID_SAMPLES', error.message, path || 'samples');
      default:
        break;
    }
  }
  const message = error instanceof Error ? error.message : String(error);
  return new ApiError('INTERNAL', `internal error: ${message}`, path);
}

function pickSeq(details: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  if (typeof details['expectedSeq'] === 'number') out['expectedSeq'] = details['expectedSeq'];
  if (typeof details['receivedSeq'] === 'number') out['receivedSeq'] = details['receivedSeq'];
  return out;
}
