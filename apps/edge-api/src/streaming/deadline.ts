/**
 * @module A restartable deadline for long-lived streams: `expired` rejects with the given error
 * once `ms` pass without a `reset()`. Used for the NDJSON idle timeout, in place of Node's
 * whole-request timeout that would cut an all-day upload.
 */
import type { ApiError } from '../errors/api-error.js';

/** A running deadline. */
export interface Deadline {
  /** Rejects when the deadline passes (never resolves). */
  readonly expired: Promise<never>;
  /** Starts the `ms` over. */
  reset(): void;
  /** Stops the timer. */
  clear(): void;
}

/**
 * Starts a deadline of `ms` that rejects with `error()`.
 *
 * @example
 * const idle = startDeadline(60_000, () => new ApiError('STREAM_IDLE_TIMEOUT', 'no line for 60 s'));
 * await Promise.race([reader.next(), idle.expired]);
 */
export function startDeadline(ms: number, error: () => ApiError): Deadline {
  let timer: NodeJS.Timeout | undefined;
  let fail: (e: ApiError) => void = () => undefined;
  const expired = new Promise<never>((_, reject) => {
    fail = reject;
  });
  expired.catch(() => undefined);
  const arm = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => fail(error()), ms);
    timer.unref();
  };
  arm();
  return { expired, reset: arm, clear: () => clearTimeout(timer) };
}
