/**
 * @module The default {@link SessionStore}: sessions in this process's memory, one per device —
 * a windower at a fixed rate, SSE subscribers and an {@link OrderedPublisher} — with the bounds
 * that keep memory finite and a sweeper that closes idle sessions.
 */
import type { ApiLimits } from '../config/limits.js';
import { checkChunkWindows } from '../streaming/chunk-windows.js';
import type { WindowStream } from '../streaming/window-stream.js';
import { OrderedPublisher } from './ordered-publisher.js';
import { newSessionSeq, sampleRateChanged, seqRefused, sessionBufferFull, sessionExpired, sessionLimit, subscriberLimit } from './session-errors.js';
import type { AppendedChunk, SessionChunk, SessionEvent, SessionStore, Subscriber, Subscription } from './session-store.js';

/** One device's session. */
interface Session {
  readonly deviceId: string;
  /** Set by the first chunk; `undefined` while only subscribers exist. */
  stream: WindowStream | undefined;
  lastActive: number;
  readonly subscribers: Set<Subscriber>;
  readonly publisher: OrderedPublisher<SessionEvent>;
}

/**
 * Sessions in memory.
 *
 * @example
 * const store = new MemorySessionStore(DEFAULT_LIMITS, (rate) => createSampleWindowStream(rate, 5.5, 1));
 * const appended = await store.append('e4-0042', { seq: 0, sampleRate: 4, samples });
 * await appended.publish(Promise.resolve([]));
 */
export class MemorySessionStore implements SessionStore {
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

  get size(): number {
    return this.sessions.size;
  }

  healthy(): boolean {
    return true;
  }

  async append(deviceId: string, chunk: SessionChunk): Promise<AppendedChunk> {
    const session = this.forChunk(deviceId, chunk.seq, chunk.sampleRate);
    const stream = session.stream as WindowStream;
    if (chunk.seq !== stream.nextSeq) throw seqRefused(chunk.seq, stream.nextSeq);
    const held = stream.bufferedSamples;
    if (held + chunk.samples.length > this.limits.maxSessionBufferSamples) {
      throw sessionBufferFull(held + chunk.samples.length, this.limits.maxSessionBufferSamples, stream.nextSeq);
    }
    checkChunkWindows(stream, chunk.samples.length, this.limits.maxWindowsPerRequest, 'samples');
    // `seq` was checked above, with the refusal every store answers; the push cannot refuse it again.
    const windows = stream.push(chunk.seq, chunk.samples);
    return { windows, nextSeq: stream.nextSeq, bufferedSamples: stream.bufferedSamples, publish: session.publisher.reserve() };
  }

  async subscribe(deviceId: string, subscriber: Subscriber): Promise<Subscription> {
    const session = this.get(deviceId) ?? this.open(deviceId);
    if (session.subscribers.size >= this.limits.maxSubscribersPerSession) {
      throw subscriberLimit(deviceId, session.subscribers.size, this.limits.maxSubscribersPerSession);
    }
    session.subscribers.add(subscriber);
    session.lastActive = this.now();
    return {
      unsubscribe: () => {
        session.subscribers.delete(subscriber);
        session.lastActive = this.now();
      },
    };
  }

  async delete(deviceId: string): Promise<boolean> {
    const session = this.sessions.get(deviceId);
    if (session === undefined) return false;
    this.close(session, { event: 'end', data: { deviceId, reason: 'deleted' } });
    this.expired.delete(deviceId);
    return true;
  }

  closeAll(): void {
    clearInterval(this.sweeper);
    for (const session of [...this.sessions.values()]) {
      this.close(session, { event: 'end', data: { deviceId: session.deviceId, reason: 'shutdown' } });
    }
  }

  async release(): Promise<void> {
    // Nothing outside this process.
  }

  /** Closes sessions idle past the TTL (those with subscribers stay open). */
  sweep(): void {
    for (const deviceId of [...this.sessions.keys()]) this.sweepOne(deviceId);
  }

  /** The session of a device, if open (expiring it first when idle too long). */
  private get(deviceId: string): Session | undefined {
    this.sweepOne(deviceId);
    return this.sessions.get(deviceId);
  }

  /**
   * The session a chunk goes to: the open one, or a new one when `seq` is 0. A closed-for-idleness
   * device continuing mid-stream gets 410; any other unknown device must start at seq 0 (409).
   */
  private forChunk(deviceId: string, seq: number, sampleRate: number): Session {
    let session = this.get(deviceId);
    if (session === undefined || session.stream === undefined) {
      if (seq !== 0) {
        throw this.expired.has(deviceId) ? sessionExpired(deviceId, this.limits.sessionIdleMs) : newSessionSeq(seq);
      }
      session ??= this.open(deviceId);
      session.stream = this.createWindowStream(sampleRate);
      this.expired.delete(deviceId);
    } else if (session.stream.sampleRate !== sampleRate) {
      throw sampleRateChanged(session.stream.sampleRate, sampleRate, session.stream.nextSeq);
    }
    session.lastActive = this.now();
    return session;
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
        throw sessionLimit(this.limits.maxSessions);
      }
    }
    const subscribers = new Set<Subscriber>();
    const publisher = new OrderedPublisher<SessionEvent>((events) => {
      for (const event of events) {
        for (const subscriber of subscribers) {
          if (!subscriber.deliver(event)) {
            subscribers.delete(subscriber);
            subscriber.close();
          }
        }
      }
    });
    const session: Session = { deviceId, stream: undefined, lastActive: this.now(), subscribers, publisher };
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
