/**
 * @module Every bound the API enforces, in one typed config with defaults: body size and time,
 * batch size, windows per request, NDJSON line size and idle time, session count, idle TTL,
 * buffer and subscriber bounds.
 */

/** Bounds on what one client may make the server hold. */
export interface ApiLimits {
  /** Largest non-streamed request body, bytes (413 beyond). */
  readonly maxBodyBytes: number;
  /** A non-streamed body must arrive within this many ms of its request (408 beyond). */
  readonly requestTimeoutMs: number;
  /** Most recordings in one `{ windows: [...] }` batch (413 beyond). */
  readonly maxBatchWindows: number;
  /** Most model windows one request or one streamed chunk may make the server predict (413 beyond). */
  readonly maxWindowsPerRequest: number;
  /** Longest NDJSON line, bytes (error line beyond). */
  readonly maxLineBytes: number;
  /** An NDJSON upload without a complete line for this many ms ends with an error line and `done`. */
  readonly streamIdleMs: number;
  /** Most samples in one streamed chunk (a session POST or an NDJSON line; 413 beyond). */
  readonly maxChunkSamples: number;
  /** Most NDJSON uploads open at once (429 beyond). */
  readonly maxOpenStreams: number;
  /** Most streaming sessions at once (429 beyond). */
  readonly maxSessions: number;
  /** A session with no samples and no subscriber for this long is closed (410 afterwards). */
  readonly sessionIdleMs: number;
  /** Most samples a session may hold (429 beyond). */
  readonly maxSessionBufferSamples: number;
  /** Most SSE subscribers per session (429 beyond). */
  readonly maxSubscribersPerSession: number;
  /** Most undelivered events queued per SSE subscriber before it is dropped. */
  readonly maxQueuedEvents: number;
}

/** Defaults sized for a Raspberry-Pi-class gateway. */
export const DEFAULT_LIMITS: ApiLimits = {
  maxBodyBytes: 4 * 1024 * 1024,
  requestTimeoutMs: 120_000,
  maxBatchWindows: 32,
  maxWindowsPerRequest: 512,
  maxLineBytes: 1024 * 1024,
  streamIdleMs: 60_000,
  maxChunkSamples: 1024 * 60,
  maxOpenStreams: 64,
  maxSessions: 256,
  sessionIdleMs: 120_000,
  maxSessionBufferSamples: 1024 * 60 + 1024 * 12,
  maxSubscribersPerSession: 4,
  maxQueuedEvents: 256,
};
