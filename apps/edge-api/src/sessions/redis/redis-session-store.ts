/**
 * @module Stream sessions in Redis (`EDGE_REDIS_URL`), shared by every replica: a chunk is
 * accepted, bounded and windowed by one atomic script, so two replicas never both accept one seq;
 * each chunk's predictions are published over Redis pub/sub in seq order, so an SSE subscriber on
 * any replica gets those computed on any other. An unreachable Redis makes the session routes
 * answer 503 `SESSIONS_UNAVAILABLE`; nothing else depends on it.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { secondsToSamples } from '@painkd/signals';
import { ApiError, type ApiErrorCode } from '../../errors/api-error.js';
import type { ApiLimits } from '../../config/limits.js';
import type { CompletedWindow } from '../../streaming/window-stream.js';
import type { SessionEvent, Subscriber } from '../session-store.js';
import type { AppendedChunk, SessionChunk, SharedSessionStore, Subscription } from '../shared-session-store.js';
import { APPEND_SCRIPT, DELETE_SCRIPT, PUBLISH_SCRIPT, SUBSCRIBE_SCRIPT, TOUCH_SCRIPT } from './session-scripts.js';

/** Options of {@link RedisSessionStore}. */
export interface RedisSessionStoreOptions {
  /** `redis://host:port[/db]`. */
  readonly url: string;
  readonly limits: ApiLimits;
  /** The model's window and hop, seconds (every replica serves the same model). */
  readonly windowSeconds: number;
  readonly hopSeconds: number;
  /** How long a chunk's predictions may take before later ones are published without them (a replica died), ms. Default 5000. */
  readonly publishDeadlineMs?: number;
  /** How often this replica renews the sessions it has subscribers for, ms. Default min(idle / 4, 5000). */
  readonly heartbeatMs?: number;
  /** Redis command timeout, ms (a hung Redis is an outage too). Default 2000. */
  readonly commandTimeoutMs?: number;
}

/** Error codes of the scripts that are the client's (the rest cannot happen). */
const SCRIPT_ERRORS: Readonly<Record<string, ApiErrorCode>> = {
  SEQ_GAP: 'SEQ_GAP',
  SEQ_DUPLICATE: 'SEQ_DUPLICATE',
  SAMPLE_RATE_CHANGED: 'SAMPLE_RATE_CHANGED',
  SESSION_LIMIT: 'SESSION_LIMIT',
  SESSION_EXPIRED: 'SESSION_EXPIRED',
  SESSION_BUFFER_FULL: 'SESSION_BUFFER_FULL',
  SUBSCRIBER_LIMIT: 'SUBSCRIBER_LIMIT',
};

/** Keys of one device's session (one hash slot, `{deviceId}`). */
function keys(deviceId: string) {
  const base = `painkd:session:{${deviceId}}`;
  return { state: base, buf: `${base}:buf`, order: `${base}:order`, subs: `${base}:subs`, channel: `${base}:events` };
}

const SESSIONS = 'painkd:sessions';

/**
 * The Redis session store of one replica.
 *
 * @example
 * const store = new RedisSessionStore({ url: 'redis://10.0.0.5:6379', limits, windowSeconds: 5.5, hopSeconds: 1 });
 * const appended = await store.append('e4-0042', { seq: 0, sampleRate: 4, samples });
 * await appended.publish(predict(appended.windows));
 */
export class RedisSessionStore implements SharedSessionStore {
  private readonly redis: Redis;
  private readonly subscriber: Redis;
  /** This replica's SSE subscribers by device, each with its id in Redis. */
  private readonly local = new Map<string, Map<Subscriber, string>>();
  private readonly heartbeat: NodeJS.Timeout;
  private readonly deadlineMs: number;
  private readonly subscriberTtlMs: number;
  private readonly replica = randomBytes(4).toString('hex');
  private nextSubscriber = 0;
  private live = 0;

  constructor(private readonly options: RedisSessionStoreOptions) {
    const common = { enableOfflineQueue: false, maxRetriesPerRequest: 0, commandTimeout: options.commandTimeoutMs ?? 2000, connectTimeout: 2000 };
    this.redis = new Redis(options.url, common);
    this.subscriber = new Redis(options.url, { ...common, commandTimeout: undefined });
    for (const client of [this.redis, this.subscriber]) client.on('error', () => undefined);
    this.subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) => this.onMessage(channel.toString(), message.toString()));
    for (const [name, lua] of Object.entries({ appendChunk: APPEND_SCRIPT, publishChunk: PUBLISH_SCRIPT, subscribeDevice: SUBSCRIBE_SCRIPT, touchDevice: TOUCH_SCRIPT, deleteDevice: DELETE_SCRIPT })) {
      this.redis.defineCommand(name, { lua });
    }
    const heartbeatMs = options.heartbeatMs ?? Math.max(250, Math.min(options.limits.sessionIdleMs / 4, 5000));
    this.deadlineMs = options.publishDeadlineMs ?? 5000;
    this.subscriberTtlMs = 3 * heartbeatMs;
    this.heartbeat = setInterval(() => void this.renew(), heartbeatMs);
    this.heartbeat.unref();
  }

  get size(): number {
    return this.live;
  }

  healthy(): boolean {
    return this.redis.status === 'ready' && this.subscriber.status === 'ready';
  }

  async append(deviceId: string, chunk: SessionChunk): Promise<AppendedChunk> {
    const { limits } = this.options;
    const k = keys(deviceId);
    const windowSamples = Math.max(2, secondsToSamples(this.options.windowSeconds, chunk.sampleRate));
    const hopSamples = Math.max(1, secondsToSamples(this.options.hopSeconds, chunk.sampleRate));
    const bytes = Buffer.from(chunk.samples.buffer, chunk.samples.byteOffset, chunk.samples.byteLength);
    const reply = (await this.call(() =>
      this.command('appendChunkBuffer', [4, k.state, k.buf, SESSIONS, k.order, deviceId, chunk.seq, String(chunk.sampleRate), bytes, windowSamples, hopSamples, limits.maxSessionBufferSamples, limits.maxSessions, limits.sessionIdleMs]),
    )) as (Buffer | number)[];
    const code = String(reply[0]);
    if (code !== 'OK') throw this.refusal(deviceId, code, reply.slice(1).map((v) => Number(String(v))), chunk);
    const [, nextSeq, buffered, firstWindow, epoch, live] = reply as [Buffer, number, number, number, number, number];
    this.live = live;
    const windows: CompletedWindow[] = reply.slice(6).map((blob, i) => {
      const index = firstWindow + i;
      const samples = new Float32Array((blob as Buffer).byteLength / 4);
      new Uint8Array(samples.buffer).set(blob as Buffer);
      return { index, seq: chunk.seq, endSeconds: (index * hopSamples + windowSamples) / chunk.sampleRate, samples };
    });
    return {
      windows,
      nextSeq,
      bufferedSamples: buffered,
      publish: async (events) => {
        let text = '';
        try {
          text = JSON.stringify(await events);
        } finally {
          await this.call(() => this.command('publishChunk', [2, k.state, k.order, String(epoch), chunk.seq, text, k.channel, this.deadlineMs]));
        }
      },
    };
  }

  async subscribe(deviceId: string, subscriber: Subscriber): Promise<Subscription> {
    const { limits } = this.options;
    const k = keys(deviceId);
    const id = `${this.replica}-${this.nextSubscriber++}`;
    const reply = (await this.call(() =>
      this.command('subscribeDevice', [3, k.state, SESSIONS, k.subs, deviceId, id, limits.maxSessions, limits.maxSubscribersPerSession, limits.sessionIdleMs, this.subscriberTtlMs]),
    )) as (string | number)[];
    if (reply[0] !== 'OK') throw this.refusal(deviceId, String(reply[0]), reply.slice(1).map((v) => Number(String(v))));
    let mine = this.local.get(deviceId);
    if (!mine) {
      mine = new Map();
      this.local.set(deviceId, mine);
      await this.call(() => this.subscriber.subscribe(k.channel));
    }
    mine.set(subscriber, id);
    return { unsubscribe: () => void this.drop(deviceId, subscriber) };
  }

  async delete(deviceId: string): Promise<boolean> {
    const k = keys(deviceId);
    const end: SessionEvent[] = [{ event: 'end', data: { deviceId, reason: 'deleted' } }];
    const deleted = await this.call(() => this.command('deleteDevice', [5, k.state, k.buf, k.order, k.subs, SESSIONS, deviceId, k.channel, JSON.stringify(end)]));
    return deleted === 1;
  }

  async closeAll(): Promise<void> {
    clearInterval(this.heartbeat);
    for (const [deviceId, mine] of this.local) {
      for (const subscriber of mine.keys()) {
        subscriber.deliver({ event: 'end', data: { deviceId, reason: 'shutdown' } });
        subscriber.close();
      }
    }
    this.local.clear();
    await Promise.all([this.redis, this.subscriber].map((c) => c.quit().catch(() => c.disconnect())));
  }

  /** Pub/sub: a chunk's events (or a session's end) for the local subscribers of that device. */
  private onMessage(channel: string, message: string): void {
    const deviceId = /^painkd:session:\{(.*)\}:events$/.exec(channel)?.[1];
    const mine = deviceId === undefined ? undefined : this.local.get(deviceId);
    if (!mine) return;
    for (const event of JSON.parse(message) as SessionEvent[]) {
      for (const subscriber of [...mine.keys()]) {
        if (!subscriber.deliver(event)) void this.drop(deviceId!, subscriber, true);
      }
      if (event.event === 'end') for (const subscriber of [...mine.keys()]) void this.drop(deviceId!, subscriber, true);
    }
  }

  private async drop(deviceId: string, subscriber: Subscriber, close = false): Promise<void> {
    const mine = this.local.get(deviceId);
    const id = mine?.get(subscriber);
    if (!mine || id === undefined) return;
    mine.delete(subscriber);
    if (close) subscriber.close();
    const k = keys(deviceId);
    if (mine.size === 0) {
      this.local.delete(deviceId);
      await this.subscriber.unsubscribe(k.channel).catch(() => undefined);
    }
    await this.redis.zrem(k.subs, id).catch(() => undefined);
    await this.command('touchDevice', [5, k.state, k.buf, k.order, SESSIONS, k.subs, deviceId, this.options.limits.sessionIdleMs, this.subscriberTtlMs, k.channel, this.deadlineMs]).catch(() => undefined);
  }

  /** Keeps the sessions this replica has subscribers for alive, and lets their publications through. */
  private async renew(): Promise<void> {
    if (!this.healthy()) return;
    for (const [deviceId, mine] of this.local) {
      const k = keys(deviceId);
      const alive = await this.command('touchDevice', [
        5, k.state, k.buf, k.order, SESSIONS, k.subs, deviceId, this.options.limits.sessionIdleMs, this.subscriberTtlMs, k.channel, this.deadlineMs, ...mine.values(),
      ]).catch(() => 1);
      if (alive === 0) {
        for (const subscriber of [...mine.keys()]) {
          subscriber.deliver({ event: 'expired', data: { deviceId } });
          void this.drop(deviceId, subscriber, true);
        }
      }
    }
  }

  /** Runs a script defined with `defineCommand` (ioredis adds them as methods at run time). */
  private command(name: string, args: readonly (string | number | Buffer)[]): Promise<unknown> {
    const fn = (this.redis as unknown as Record<string, (...a: readonly (string | number | Buffer)[]) => Promise<unknown>>)[name]!;
    return fn.apply(this.redis, [...args]);
  }

  /** A Redis call; any Redis failure is the 503 of an outage. */
  private async call<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      const host = new URL(this.options.url).host;
      throw new ApiError('SESSIONS_UNAVAILABLE', `the session store (Redis at ${host}) is unavailable: ${error instanceof Error ? error.message : String(error)}`, 'sessions');
    }
  }

  private refusal(deviceId: string, code: string, values: readonly number[], chunk?: SessionChunk): ApiError {
    const { limits } = this.options;
    const apiCode = SCRIPT_ERRORS[code] ?? 'INTERNAL';
    const expectedSeq = values[0] ?? 0;
    switch (apiCode) {
      case 'SEQ_GAP':
      case 'SEQ_DUPLICATE':
        return new ApiError(
          apiCode,
          apiCode === 'SEQ_GAP' && expectedSeq === 0 && chunk?.seq !== 0
            ? `a new session must start at seq 0, got ${chunk?.seq}`
            : `chunk ${chunk?.seq} ${apiCode === 'SEQ_GAP' ? 'arrived but' : 'was already received;'} ${expectedSeq} ${apiCode === 'SEQ_GAP' ? 'was expected (gap)' : 'is expected'}`,
          'seq',
          { expectedSeq, receivedSeq: chunk?.seq },
        );
      case 'SAMPLE_RATE_CHANGED':
        return new ApiError('SAMPLE_RATE_CHANGED', `this session streams at ${values[1]} Hz; got ${chunk?.sampleRate} Hz. DELETE the session to change rate`, 'sampleRate', {
          expectedSeq,
          sampleRate: values[1],
        });
      case 'SESSION_EXPIRED':
        return new ApiError('SESSION_EXPIRED', `the session of ${deviceId} was closed after ${limits.sessionIdleMs} ms idle; start again with seq 0`, 'params.deviceId', { expectedSeq: 0 });
      case 'SESSION_LIMIT':
        return new ApiError('SESSION_LIMIT', `${limits.maxSessions} sessions are open across the fleet; end one or retry later`, 'params.deviceId', { limit: limits.maxSessions });
      case 'SESSION_BUFFER_FULL':
        return new ApiError('SESSION_BUFFER_FULL', `the session would hold ${values[1]} samples; at most ${limits.maxSessionBufferSamples}. Send smaller chunks`, 'samples', {
          limit: limits.maxSessionBufferSamples,
          expectedSeq,
        });
      case 'SUBSCRIBER_LIMIT':
        return new ApiError('SUBSCRIBER_LIMIT', `${deviceId} already has ${values[0]} subscribers`, 'params.deviceId', { limit: limits.maxSubscribersPerSession });
      default:
        return new ApiError('INTERNAL', `internal error: the session script answered ${code}`, 'sessions');
    }
  }
}
