/**
 * @module Streaming sessions, one per device: a windower at a fixed rate, SSE subscribers, and
 * the bounds that keep memory finite — session count (429), idle TTL (410 afterwards), samples
 * held (429), subscribers (429) and undelivered events per subscriber.
 */
import type { ApiLimits } from '../config/limits.js';
import { ApiError } from '../errors/api-error.js';
import type { WindowStream } from '../streaming/window-stream.js';

/** A message pushed to SSE subscribers. */
export interface SessionEvent {
  readonly event: 'prediction' | 'end' | 'expired';
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

/** One device's session. */
export interface Session {
  readonly deviceId: string;
  /** Set by the first chunk; `undefined` while only subscribers exist. */
  stream: WindowStream | undefined;
  lastActive: number;
  readonly subscribers: Set<Subscriber>;
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
    throw new ApiError('BAD_REQUEST', 'deviceId must be 1–128 characters of A–Z a–z 0–9 . _ - :', 'params.deviceId');
  }
  return value;
}

/**
 * Holds every session and enforces the limits; a sweeper closes idle ones.
 *
 * @example
 * const store = new SessionStore(DEFAULT_LIMITS, createWindowStream);
 * const session = store.forChunk('e4-0042', 0, 4);
 */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();
  /** Device ids of sessions closed for idleness, oldest first (bounded). */
  private readonly expired = new Map<string, number>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly limits: ApiLimits,
    private readonly createWindowStream: (sampleRate: number) => WindowStream,
    private readonly now: () => number = Date.now,
  ) {
    this.sweeper = setInterval(() => this.sweep(), Math.max(250, Math.min(limits.sessionIdleMs / 4, 10_000)));
    this.sweeper.unref();
  }

  /** Sessions open now. */
  get size(): number {
    return this.sessions.size;
  }

  /** The session of a device, if open (expiring it first when idle too long). */
  get(deviceId: string): Session | undefined {
    this.sweepOne(deviceId);
    return this.sessions.get(deviceId);
  }

  /**
   * The session a chunk goes to: the open one, or a new one when `seq` is 0. A closed-for-idleness
   * device continuing mid-stream gets 410; any other unknown device must start at seq 0 (409).
   */
  forChunk(deviceId: string, seq: number, sampleRate: number): Session {
    let session = this.get(deviceId);
    if (session === undefined || session.stream === undefined) {
      if (seq !== 0) {
        if (this.expired.has(deviceId)) {
          throw new ApiError(
            'SESSION_EXPIRED',
            `the session of ${deviceId} was closed after ${this.limits.sessionIdleMs} ms idle; start again with seq 0`,
            'params.deviceId',
            { expectedSeq: 0 },
          );
        }
        throw new ApiError('SEQ_GAP', `a new session must start at seq 0, got ${seq}`, 'seq', { expectedSeq: 0, receivedSeq: seq });
      }
      session ??= this.open(deviceId);
      session.stream = this.createWindowStream(sampleRate);
      this.expired.delete(deviceId);
    } else if (session.stream.sampleRate !== sampleRate) {
      throw new ApiError(
        'SAMPLE_RATE_CHANGED',
        `this session streams at ${session.stream.sampleRate} Hz; got ${sampleRate} Hz. DELETE the session to change rate`,
        'sampleRate',
        { expectedSeq: session.stream.nextSeq, sampleRate: session.stream.sampleRate },
      );
    }
    session.lastActive = this.now();
    return session;
  }

  /** Checks a chunk would keep the session under its sample bound (429 otherwise). */
  checkBuffer(session: Session, incoming: number): void {
    const held = session.stream?.bufferedSamples ?? 0;
    if (held + incoming > this.limits.maxSessionBufferSamples) {
      throw new ApiError(
        'SESSION_BUFFER_FULL',
        `the session would hold ${held + incoming} samples; at most ${this.limits.maxSessionBufferSamples}. Send smaller chunks`,
        'samples',
        { limit: this.limits.maxSessionBufferSamples, expectedSeq: session.stream?.nextSeq ?? 0 },
      );
    }
  }

  /** Adds an SSE subscriber, opening an empty session if needed (429 past the bounds). */
  subscribe(deviceId: string, subscriber: Subscriber): Session {
    const session = this.get(deviceId) ?? this.open(deviceId);
    if (session.subscribers.size >= this.limits.maxSubscribersPerSession) {
      throw new ApiError('SUBSCRIBER_LIMIT', `${deviceId} already has ${session.subscribers.size} subscribers`, 'params.deviceId', {
        limit: this.limits.maxSubscribersPerSession,
      });
    }
    session.subscribers.add(subscriber);
    session.lastActive = this.now();
    return session;
  }

  /** Removes a subscriber; the session's idle clock restarts. */
  unsubscribe(session: Session, subscriber: Subscriber): void {
    session.subscribers.delete(subscriber);
    session.lastActive = this.now();
  }

  /** Sends an event to every subscriber, dropping those that overflow. */
  publish(session: Session, event: SessionEvent): void {
    for (const subscriber of session.subscribers) {
      if (!subscriber.deliver(event)) {
        session.subscribers.delete(subscriber);
        subscriber.close();
      }
    }
  }

  /** Ends a session (its subscribers get an `end` event). False when there was none. */
  delete(deviceId: string): boolean {
    const session = this.sessions.get(deviceId);
    if (session === undefined) return false;
    this.close(session, { event: 'end', data: { deviceId, reason: 'deleted' } });
    this.expired.delete(deviceId);
    return true;
  }

  /** Closes every session and stops the sweeper (server shutdown). */
  closeAll(): void {
    clearInterval(this.sweeper);
    for (const session of [...this.sessions.values()]) {
      this.close(session, { event: 'end', data: { deviceId: session.deviceId, reason: 'shutdown' } });
    }
  }

  /** Closes sessions idle past the TTL (those with subscribers stay open). */
  sweep(): void {
    for (const deviceId of [...this.sessions.keys()]) this.sweepOne(deviceId);
  }

  private sweepOne(deviceId: string): void {
    const session = this.sessions.get(deviceId);
    if (session === undefined || session.subscribers.size > 0) return;
    if (this.now() - session.lastActive < this.limits.sessionIdleMs) return;
    this.close(session, { event: 'expired', data: { deviceId } });
    this.expired.set(deviceId, this.now());
    const maxTombstones = this.limits.maxSessions * 4;
    while (this.expired.size > maxTombstones) {
      const oldest = this.expired.keys().next().value as string;
      this.expired.delete(oldest);
    }
  }

  private open(deviceId: string): Session {
    if (this.sessions.size >= this.limits.maxSessions) {
      this.sweep();
      if (this.sessions.size >= this.limits.maxSessions) {
        throw new ApiError('SESSION_LIMIT', `${this.limits.maxSessions} sessions are open; end one or retry later`, 'params.deviceId', {
          limit: this.limits.maxSessions,
        });
      }
    }
    const session: Session = { deviceId, stream: undefined, lastActive: this.now(), subscribers: new Set() };
    this.sessions.set(deviceId, session);
    return session;
  }

  private close(session: Session, event: SessionEvent): void {
    this.sessions.delete(session.deviceId);
    for (const subscriber of session.subscribers) {
      subscriber.deliver(event);
      subscriber.close();
    }
    session.subscribers.clear();
  }
}
