/**
 * @module A bounded counter of long-lived connections (NDJSON uploads, SSE subscribers).
 */
import { ApiError } from '../errors/api-error.js';

/**
 * Counts open streams against a bound; `acquire` past it is a 429 `STREAM_LIMIT`.
 *
 * @example
 * const release = streams.acquire();
 * try { … } finally { release(); }
 */
export class OpenStreams {
  private open = 0;
  constructor(private readonly max: number) {}

  /** Streams open now. */
  get size(): number {
    return this.open;
  }

  /** Takes a slot and returns its release function (idempotent). */
  acquire(): () => void {
    if (this.open >= this.max) {
      throw new ApiError('STREAM_LIMIT', `${this.max} streams are already open; retry later`, { path: 'body', details: { limit: this.max } });
    }
    this.open += 1;
    let released = false;
    return () => {
      if (!released) {
        released = true;
        this.open -= 1;
      }
    };
  }
}
