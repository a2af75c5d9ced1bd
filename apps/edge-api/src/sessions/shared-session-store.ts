/**
 * @module The contract of a session store that may live outside this process (Redis), so that
 * any replica can take any chunk of a device. Its shape is that of the `SessionStore` interface
 * the issue-12 rewrite of the stream routes introduces (append → windows + an ordered publish,
 * subscribe → a subscription, delete, closeAll), so the Redis store plugs into those routes too.
 */
import type { SessionEvent, Subscriber } from './session-store.js';
import type { CompletedWindow } from '../streaming/window-stream.js';

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
   * Publishes this chunk's events to the device's subscribers (on every replica) after those of
   * every chunk appended before it. Call it exactly once per appended chunk (`[]` when there is
   * nothing to say); a rejected `events` gives up the chunk's place.
   */
  publish(events: Promise<readonly SessionEvent[]>): Promise<void>;
}

/** An SSE subscription. */
export interface Subscription {
  /** Removes the subscriber; the session's idle clock restarts. */
  unsubscribe(): void;
}

/**
 * A shared session store. Every bound holds across the fleet: session count (429), idle TTL
 * (410 afterwards), samples held (429), subscribers per session (429), `seq` order (409 with
 * `details.expectedSeq`); an unreachable store is a 503 `SESSIONS_UNAVAILABLE`.
 */
export interface SharedSessionStore {
  /** Sessions open across the fleet, as last seen by this replica. */
  readonly size: number;
  /** Whether the store answers now (readiness). */
  healthy(): boolean;
  append(deviceId: string, chunk: SessionChunk): Promise<AppendedChunk>;
  subscribe(deviceId: string, subscriber: Subscriber): Promise<Subscription>;
  /** Ends a session (subscribers everywhere get an `end` event); false when there was none. */
  delete(deviceId: string): Promise<boolean>;
  /** Closes this replica's subscribers and connections (the sessions stay for other replicas). */
  closeAll(): Promise<void>;
}
