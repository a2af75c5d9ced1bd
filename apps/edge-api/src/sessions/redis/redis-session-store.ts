/**
 * @module The {@link SessionStore} shared by every replica (`EDGE_REDIS_URL`): a chunk is
 * accepted, bounded and windowed by one atomic script, so two replicas never both accept one seq;
 * each chunk's events are published over Redis pub/sub in seq order, so an SSE subscriber on any
 * replica gets those computed on any other. An unreachable Redis makes the session routes answer
 * 503 `SESSIONS_UNAVAILABLE`; nothing else depends on it.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { ApiLimits } from '../../config/limits.js';
import { ApiError } from '../../errors/api-error.js';
import { chunkTooLarge } from '../../streaming/chunk-windows.js';
import { windowGeometry } from '../../streaming/window-geometry.js';
import type { CompletedWindow } from '../../streaming/window-stream.js';
import { sampleRateChanged, seqRefused, sessionBufferFull, sessionExpired, sessionLimit, subscriberLimit } from '../session-errors.js';
import type { AppendedChunk, SessionChunk, SessionEvent, SessionStore, Subscriber, Subscription } from '../session-store.js';
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

/** The refusals the scripts answer with (see `session-scripts.ts`). */
const SCRIPT_REFUSALS = ['SEQ_GAP', 'SEQ_DUPLICATE', 'SAMPLE_RATE_CHANGED', 'SESSION_LIMIT', 'SESSION_EXPIRED', 'SESSION_BUFFER_FULL', 'CHUNK_TOO_LARGE', 'SUBSCRIBER_LIMIT'] as const;
type ScriptRefusal = (typeof SCRIPT_REFUSALS)[number];

/** What a refusal is about: the device, the chunk (appends), and the limits. */
interface RefusalContext {
  readonly deviceId: string;
  readonly chunk: SessionChunk | undefined;
  readonly limits: ApiLimits;
}

/** The client error of each script refusal, from the numbers the script returns with it. */
const REFUSALS: Readonly<Record<ScriptRefusal, (values: readonly number[], ctx: RefusalContext) => ApiError>> = {
  SEQ_GAP: ([expected = 0], ctx) => seqRefused(ctx.chunk?.seq ?? 0, expected),
  SEQ_DUPLICATE: ([expected = 0], ctx) => seqRefused(ctx.chunk?.seq ?? 0, expected),
  SAMPLE_RATE_CHANGED: ([expected = 0, rate = 0], ctx) => sampleRateChanged(rate, ctx.chunk?.sampleRate ?? 0, expected),
  SESSION_EXPIRED: (_, ctx) => sessionExpired(ctx.deviceId, ctx.limits.sessionIdleMs),
  SESSION_LIMIT: (_, ctx) => sessionLimit(ctx.limits.maxSessions, 'across the fleet'),
  SESSION_BUFFER_FULL: ([expected = 0, wouldHold = 0], ctx) => sessionBufferFull(wouldHold, ctx.limits.maxSessionBufferSamples, expected),
  CHUNK_TOO_LARGE: ([, windows = 0], ctx) => chunkTooLarge(windows, ctx.limits.maxWindowsPerRequest, 'samples'),
  SUBSCRIBER_LIMIT: ([count = 0], ctx) => subscriberLimit(ctx.deviceId, count, ctx.limits.maxSubscribersPerSession),
};

function isRefusal(code: string): code is ScriptRefusal {
  return (SCRIPT_REFUSALS as readonly string[]).includes(code);
}

/** Keys of one device's session (one hash slot, `{deviceId}`). */
function keys(deviceId: string) {
  const base = `painkd:session:{${deviceId}}`;
  return { state: base, buf: `${base}:buf`, order: `${base}:order`, subs: `${base}:subs`, channel: `${base}:events` };
}

const SESSIONS = 'painkd:sessions';
const CHANNEL = /^painkd:session:\{(.*)\}:events$/;

/**
 * The Redis session store of one replica.
 *
 * @example
 * const store = new RedisSessionStore({ url: 'redis://10.0.0.5:6379', limits, windowSeconds: 5.5, hopSeconds: 1 });
 * const appended = await store.append('e4-0042', { seq: 0, sampleRate: 4, samples });
 * await appended.publish(predict(appended.windows));
 */
export class RedisSessionStore implements SessionStore {
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
    // Failures surface where they matter: healthy() and the 503 of each call; ioredis reconnects by itself.
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
    const { windowSamples, hopSamples } = windowGeometry(chunk.sampleRate, this.options.windowSeconds, this.options.hopSeconds);
    const bytes = Buffer.from(chunk.samples.buffer, chunk.samples.byteOffset, chunk.samples.byteLength);
    const reply = (await this.call(() =>
      this.command('appendChunkBuffer', [
        4, k.state, k.buf, SESSIONS, k.order,
        deviceId, chunk.seq, String(chunk.sampleRate), bytes, windowSamples, hopSamples, limits.maxSessionBufferSamples, limits.maxSessions, limits.sessionIdleMs, limits.maxWindowsPerRequest,
      ]),
    )) as (Buffer | number)[];
    const code = String(reply[0]);
    if (code !== 'OK') throw this.refusal(deviceId, code, reply.slice(1), chunk);
    const [, nextSeq, buffered, firstWindow, epoch, live] = reply as [Buffer, number, number, number, Buffer, number];
    this.live = live;
    const windows: CompletedWindow[] = reply.slice(6).map((blob, i) => {
      const index = firstWindow + i;
      const samples = new Float32Array((blob as Buffer).byteLength / 4);
      new Uint8Array(samples.buffer).set(blob as Buffer);
      const start = index * hopSamples;
      return { index, seq: chunk.seq, startSeconds: start / chunk.sampleRate, endSeconds: (start + windowSamples) / chunk.sampleRate, samples };
    });
    return {
      windows,
      nextSeq,
      bufferedSamples: buffered,
      publish: async (events) => {
        // A rejected `events` publishes '' — the script gives the chunk's place up.
        const text = await events.then(
          (list) => JSON.stringify(list),
          () => '',
        );
        // Redis gone since the append: the events are lost to subscribers, the chunk's answer stands.
        await this.command('publishChunk', [2, k.state, k.order, epoch, chunk.seq, text, k.channel, this.deadlineMs]).catch(() => undefined);
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
    if (reply[0] !== 'OK') throw this.refusal(deviceId, String(reply[0]), reply.slice(1));
    let mine = this.local.get(deviceId);
    const first = mine === undefined;
    if (mine === undefined) {
      mine = new Map();
      this.local.set(deviceId, mine);
    }
    mine.set(subscriber, id);
    if (first) {
      try {
        await this.call(() => this.subscriber.subscribe(k.channel));
      } catch (error) {
        await this.drop(deviceId, subscriber);
        throw error;
      }
    }
    return { unsubscribe: () => void this.drop(deviceId, subscriber) };
  }

  async delete(deviceId: string): Promise<boolean> {
    const k = keys(deviceId);
    const end: SessionEvent[] = [{ event: 'end', data: { deviceId, reason: 'deleted' } }];
    const deleted = await this.call(() => this.command('deleteDevice', [5, k.state, k.buf, k.order, k.subs, SESSIONS, deviceId, k.channel, JSON.stringify(end)]));
    return deleted === 1;
  }

  closeAll(): void {
    clearInterval(this.heartbeat);
    for (const [deviceId, mine] of this.local) {
      for (const subscriber of [...mine.keys()]) {
        subscriber.deliver({ event: 'end', data: { deviceId, reason: 'shutdown' } });
        void this.drop(deviceId, subscriber, true);
      }
    }
  }

  async release(): Promise<void> {
    await Promise.all([this.redis, this.subscriber].map((c) => c.quit().catch(() => c.disconnect())));
  }

  /** Pub/sub: a chunk's events (or a session's end) for the local subscribers of that device. */
  private onMessage(channel: string, message: string): void {
    const deviceId = CHANNEL.exec(channel)?.[1];
    const mine = deviceId === undefined ? undefined : this.local.get(deviceId);
    if (deviceId === undefined || mine === undefined) return;
    for (const event of JSON.parse(message) as SessionEvent[]) {
      for (const subscriber of [...mine.keys()]) {
        if (!subscriber.deliver(event)) void this.drop(deviceId, subscriber, true);
      }
      if (event.event === 'end') for (const subscriber of [...mine.keys()]) void this.drop(deviceId, subscriber, true);
    }
  }

  /** Removes a local subscriber (closing it when asked); the session's idle clock restarts. */
  private async drop(deviceId: string, subscriber: Subscriber, close = false): Promise<void> {
    const mine = this.local.get(deviceId);
    const id = mine?.get(subscriber);
    if (mine === undefined || id === undefined) return;
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
      throw new ApiError('SESSIONS_UNAVAILABLE', `the session store (Redis at ${host}) is unavailable: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  }

  /** The client error of a script's refusal (a code no script answers is a server fault). */
  private refusal(deviceId: string, code: string, values: readonly (Buffer | string | number)[], chunk?: SessionChunk): ApiError {
    if (!isRefusal(code)) return new ApiError('INTERNAL', `internal error: the session script answered ${code}`);
    return REFUSALS[code](
      values.map((v) => Number(String(v))),
      { deviceId, chunk, limits: this.options.limits },
    );
  }
}
