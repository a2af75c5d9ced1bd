/**
 * @module The one error class of the edge API. Handlers and middleware throw it; the app's
 * error edge maps it to `{ error: { code, message, path } }` (or the Open Inference Protocol's
 * `{ error }` on `/v2`) with its status, in one place.
 */

/** Stable codes of every error the API answers with. */
export type ApiErrorCode =
  | 'BAD_REQUEST'
  | 'MALFORMED_JSON'
  | 'MALFORMED_NDJSON'
  | 'INVALID_SAMPLES'
  | 'INVALID_SAMPLE_RATE'
  | 'INVALID_WINDOW_LENGTH'
  | 'BATCH_TOO_LARGE'
  | 'TOO_MANY_WINDOWS'
  | 'BODY_TOO_LARGE'
  | 'CHUNK_TOO_LARGE'
  | 'HEADERS_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'SIGNAL_QUALITY'
  | 'NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'MODEL_NOT_FOUND'
  | 'UNAUTHORIZED'
  | 'REQUEST_TIMEOUT'
  | 'STREAM_IDLE_TIMEOUT'
  | 'SEQ_GAP'
  | 'SEQ_DUPLICATE'
  | 'SAMPLE_RATE_CHANGED'
  | 'SESSION_LIMIT'
  | 'SESSION_BUFFER_FULL'
  | 'SESSION_EXPIRED'
  | 'SESSION_NOT_FOUND'
  | 'SUBSCRIBER_LIMIT'
  | 'STREAM_LIMIT'
  | 'LINE_TOO_LONG'
  | 'SHUTTING_DOWN'
  | 'SESSIONS_UNAVAILABLE'
  | 'INTERNAL';

/** HTTP statuses the API answers errors with. */
export type ApiErrorStatus = 400 | 401 | 404 | 405 | 408 | 409 | 410 | 413 | 415 | 422 | 429 | 431 | 500 | 503;

/** HTTP status for each {@link ApiErrorCode}: the one table that decides it. */
export const API_ERROR_STATUS: Readonly<Record<ApiErrorCode, ApiErrorStatus>> = {
  BAD_REQUEST: 400,
  MALFORMED_JSON: 400,
  MALFORMED_NDJSON: 400,
  INVALID_SAMPLES: 400,
  INVALID_SAMPLE_RATE: 400,
  INVALID_WINDOW_LENGTH: 400,
  BATCH_TOO_LARGE: 413,
  TOO_MANY_WINDOWS: 413,
  BODY_TOO_LARGE: 413,
  CHUNK_TOO_LARGE: 413,
  HEADERS_TOO_LARGE: 431,
  UNSUPPORTED_MEDIA_TYPE: 415,
  SIGNAL_QUALITY: 422,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  MODEL_NOT_FOUND: 404,
  UNAUTHORIZED: 401,
  REQUEST_TIMEOUT: 408,
  STREAM_IDLE_TIMEOUT: 408,
  SEQ_GAP: 409,
  SEQ_DUPLICATE: 409,
  SAMPLE_RATE_CHANGED: 409,
  SESSION_LIMIT: 429,
  SESSION_BUFFER_FULL: 429,
  SESSION_EXPIRED: 410,
  SESSION_NOT_FOUND: 404,
  SUBSCRIBER_LIMIT: 429,
  STREAM_LIMIT: 429,
  LINE_TOO_LONG: 413,
  SHUTTING_DOWN: 503,
  SESSIONS_UNAVAILABLE: 503,
  INTERNAL: 500,
};

/** The JSON body of every painkd error response. */
export interface ApiErrorBody {
  readonly error: {
    readonly code: ApiErrorCode;
    readonly message: string;
    /** Where in the request the problem is: a JSON path (`samples[3]`), a query key, a header. */
    readonly path: string;
    /** Extra machine-readable facts, e.g. `expectedSeq` on a 409. */
    readonly details?: Readonly<Record<string, unknown>>;
  };
}

/** Options of {@link ApiError}. */
export interface ApiErrorOptions {
  /** Where in the request the problem is (default `''`). */
  readonly path?: string;
  readonly details?: Readonly<Record<string, unknown>> | undefined;
  readonly cause?: unknown;
}

/**
 * An error with a stable code, an HTTP status derived from it, and the request path it concerns.
 *
 * @example
 * throw new ApiError('INVALID_SAMPLES', 'samples[3] is not a number', { path: 'samples[3]' });
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: ApiErrorCode;
  readonly status: ApiErrorStatus;
  readonly path: string;
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(code: ApiErrorCode, message: string, options: ApiErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = API_ERROR_STATUS[code];
    this.path = options.path ?? '';
    this.details = options.details;
  }

  /** The JSON body this error answers with. */
  toBody(): ApiErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        path: this.path,
        ...(this.details !== undefined ? { details: this.details } : {}),
      },
    };
  }
}
