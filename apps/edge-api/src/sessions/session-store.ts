/**
 * @module The session contract the one set of stream routes relies on, so the store can live
 * elsewhere than in this process: `MemorySessionStore` is the default, `RedisSessionStore` shares
 * sessions between replicas. A session is one device's stream: chunks in `seq` order go in,
 * windows come out, and their events reach the device's SSE subscribers — on any replica — in
 * window order.
 */
import { ApiError } from '../errors/api-error.js';
import type { CompletedWindow } from '../streaming/window-stream.js';

/** A message pushed to SSE subscribers. */
export interface SessionEvent {
  readonly event: 'prediction' | 'rejected' | 'end' | 'expired';
  readonly id?: string;
  readonly data: unknown;
}

/** One SSE subscriber: a bounded queue drained by its connection. */
export interface Subscriber {
  /** Delivers an event; returns false when the subscriber's queue overflowed (it is then dropped). */
  deliver(event: SessionEvent): boolean;
  /** Ends the subscription (after delivering nothing more). */
  close(): void;
}

/** A validated chunk for a device's session. */
export interface SessionChunk {
  readonly seq: number;
  readonly sampleRate: number;
  readonly samples: Float32Array;
}

/** What appending a chunk did, and the one way to publish its events. */
export interface AppendedChunk {
  /** The windows the chunk completed (often none). */
  readonly windows: readonly CompletedWindow[];
  /** The `seq` the next chunk must carry. */
  readonly nextSeq: number;
  /** Samples held, waiting for the next window. */
  readonly bufferedSamples: number;
  /**
   * Publishes this chunk's events to the device's subscribers (on every replica, for a shared
   * store) after those of every chunk appended before it, whatever order their predictions finish
   * in. Call it exactly once per appended chunk (with `[]` when there is nothing to say) — a chunk
   * that never publishes holds back the ones after it (a shared store skips it after a deadline).
   * A rejected `events` gives up its place without delivering. Never rejects: it resolves once the
   * events are delivered (or handed to the shared store), given up, or — the shared store being
   * unreachable — dropped; the chunk's own answer stands either way.
   */
  publish(events: Promise<readonly SessionEvent[]>): Promise<void>;
}

/** An SSE subscription. */
export interface Subscription {
  /** Removes the subscriber; the session's idle clock restarts. */
  unsubscribe(): void;
}

/**
 * Where sessions live. Every bound is enforced by the store (a shared store: across the fleet):
 * session count (429), idle TTL (410 afterwards), samples held and windows per chunk (429/413),
 * subscribers (429), and `seq` order (409 with `details.expectedSeq`). A store that cannot be
 * reached answers 503 `SESSIONS_UNAVAILABLE`.
 */
export interface SessionStore {
  /** Sessions open now (a shared store: across the fleet, as last seen by this process). */
  readonly size: number;
  /** Whether sessions can be served now (readiness); the in-memory store always can. */
  healthy(): boolean;
  /** Appends a chunk to a device's session, opening it when `seq` is 0. */
  append(deviceId: string, chunk: SessionChunk): Promise<AppendedChunk>;
  /** Adds an SSE subscriber, opening an empty session if needed. */
  subscribe(deviceId: string, subscriber: Subscriber): Promise<Subscription>;
  /** Ends a session (its subscribers get an `end` event); false when there was none. */
  delete(deviceId: string): Promise<boolean>;
  /**
   * Server shutdown: this process's subscribers get an `end` event and background work stops. The
   * in-memory store ends its sessions; a shared store leaves them to the other replicas. Requests
   * still in flight may go on appending until {@link SessionStore.release}.
   */
  closeAll(): void;
  /** Lets go of what the store holds outside this process (connections), after in-flight requests. */
  release(): Promise<void>;
}

/** Device ids: 1–128 characters of letters, digits, `.`, `_`, `-`, `:`. */
export const DEVICE_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Validates a device id from the URL.
 *
 * @example
 * parseDeviceId('e4-0042'); // 'e4-0042'
 */
export function parseDeviceId(value: string): string {
  if (!DEVICE_ID_PATTERN.test(value)) {
    throw new ApiError('BAD_REQUEST', 'deviceId must be 1–128 characters of A–Z a–z 0–9 . _ - :', { path: 'params.deviceId' });
  }
  return value;
}
