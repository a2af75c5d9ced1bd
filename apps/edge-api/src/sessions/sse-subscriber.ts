/**
 * @module An SSE subscriber: a bounded queue of session events that one `GET …/events`
 * connection drains; overflow drops the subscriber instead of growing memory.
 */
import type { SessionEvent, Subscriber } from './session-store.js';

/**
 * A {@link Subscriber} with a queue of at most `maxQueued` events, drained with `next()`.
 *
 * @example
 * const sub = new QueueSubscriber(256);
 * store.subscribe(deviceId, sub);
 * for (let e = await sub.next(); e !== null; e = await sub.next()) await sse.writeSSE(…);
 */
export class QueueSubscriber implements Subscriber {
  private readonly queue: SessionEvent[] = [];
  private waiter: ((event: SessionEvent | null) => void) | undefined;
  private closed = false;
  /** True once the queue overflowed. */
  overflowed = false;

  constructor(private readonly maxQueued: number) {}

  deliver(event: SessionEvent): boolean {
    if (this.closed) return false;
    if (this.waiter !== undefined) {
      const wake = this.waiter;
      this.waiter = undefined;
      wake(event);
      return true;
    }
    if (this.queue.length >= this.maxQueued) {
      this.overflowed = true;
      return false;
    }
    this.queue.push(event);
    return true;
  }

  close(): void {
    this.closed = true;
    if (this.waiter !== undefined) {
      const wake = this.waiter;
      this.waiter = undefined;
      wake(null);
    }
  }

  /** The next event; `null` once closed and drained. Resolves early with `null` after `timeoutMs`. */
  next(timeoutMs?: number): Promise<SessionEvent | null | 'timeout'> {
    const queued = this.queue.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    if (this.closed) return Promise.resolve(null);
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      this.waiter = (event) => {
        if (timer !== undefined) clearTimeout(timer);
        resolve(event);
      };
      if (timeoutMs !== undefined) {
        timer = setTimeout(() => {
          this.waiter = undefined;
          resolve('timeout');
        }, timeoutMs);
        timer.unref();
      }
    });
  }
}
