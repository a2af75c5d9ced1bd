/**
 * @module The session routes on a {@link SharedSessionStore} (Redis, `EDGE_REDIS_URL`): the same
 * `POST …/samples`, `GET …/events` and `DELETE` as the in-memory routes, but every step goes
 * through the shared store, so chunks of one device may land on any replica and an SSE subscriber
 * on one replica gets the predictions made on the others, in seq order.
 */
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { AppEnv } from '../../app/app-env.js';
import { readBody } from '../../body/read-body.js';
import type { ApiLimits } from '../../config/limits.js';
import { ApiError } from '../../errors/api-error.js';
import { round3, type PredictService } from '../../model/predict-service.js';
import type { Prediction } from '../../model/predictor.js';
import { parseDeviceId, type SessionEvent } from '../../sessions/session-store.js';
import type { SharedSessionStore } from '../../sessions/shared-session-store.js';
import { QueueSubscriber } from '../../sessions/sse-subscriber.js';
import { parseChunk } from '../../streaming/chunk.js';
import type { OpenStreams } from '../../streaming/open-streams.js';
import { mediaType } from '../../validation/media-type.js';
import { parseJsonBytes } from '../../validation/parse-json.js';
import { parseSampleRate } from '../../validation/parse-window.js';
import type { SessionPrediction } from '../streams/index.js';

/** What the shared session routes need. */
export interface SharedStreamsDeps {
  readonly service: PredictService;
  readonly limits: ApiLimits;
  readonly store: SharedSessionStore;
  readonly streams: OpenStreams;
  /** Milliseconds between SSE keep-alive comments. */
  readonly keepAliveMs?: number;
}

/**
 * Creates the `POST /v1/streams/:deviceId/samples` handler: the chunk is accepted by the store
 * (seq, rate and bounds checked there, once for the fleet), its windows are predicted here, and
 * the predictions are both answered and published.
 *
 * @example
 * app.post('/v1/streams/:deviceId/samples', postSharedSamples(deps));
 */
export function postSharedSamples(deps: SharedStreamsDeps) {
  const { service, limits, store } = deps;
  return async function postSharedSamplesHandler(c: Context<AppEnv>): Promise<Response> {
    const deviceId = parseDeviceId(c.req.param('deviceId') ?? '');
    if (mediaType(c) !== 'application/json') {
      throw new ApiError('UNSUPPORTED_MEDIA_TYPE', 'Content-Type must be application/json', 'headers.content-type');
    }
    const value = parseJsonBytes(await readBody(c, limits.maxBodyBytes), 'body');
    const chunk = parseChunk(value, '', limits.maxChunkSamples);
    const sampleRate = parseSampleRate((value as Record<string, unknown>)['sampleRate'], 'sampleRate');
    const appended = await store.append(deviceId, { seq: chunk.seq, sampleRate, samples: chunk.samples });
    const predictions = (async (): Promise<SessionPrediction[]> => {
      if (appended.windows.length === 0) return [];
      const raw = await service.predictRaw(
        appended.windows.map((w) => ({ samples: w.samples, sampleRate })),
        'session',
      );
      return appended.windows.map((w, i) => {
        const p = raw[i] as Prediction;
        return { deviceId, window: w.index, seq: w.seq, endSeconds: round3(w.endSeconds), level: p.level, label: p.label, probabilities: p.probabilities };
      });
    })();
    const events = predictions.then((list) => list.map((p): SessionEvent => ({ event: 'prediction', id: String(p.window), data: p })));
    await appended.publish(events);
    return c.json({ deviceId, seq: chunk.seq, nextSeq: appended.nextSeq, bufferedSamples: appended.bufferedSamples, predictions: await predictions, model: service.modelRef });
  };
}

/**
 * Creates the `GET /v1/streams/:deviceId/events` handler (server-sent events from every replica).
 *
 * @example
 * app.get('/v1/streams/:deviceId/events', streamSharedEvents(deps));
 */
export function streamSharedEvents(deps: SharedStreamsDeps) {
  const { limits, store } = deps;
  const keepAliveMs = deps.keepAliveMs ?? 15_000;
  return async function streamSharedEventsHandler(c: Context<AppEnv>): Promise<Response> {
    const deviceId = parseDeviceId(c.req.param('deviceId') ?? '');
    const release = deps.streams.acquire();
    const subscriber = new QueueSubscriber(limits.maxQueuedEvents);
    let subscription;
    try {
      subscription = await store.subscribe(deviceId, subscriber);
    } catch (error) {
      release();
      throw error;
    }
    const done = (): void => {
      subscription.unsubscribe();
      release();
    };
    c.header('Cache-Control', 'no-store');
    return streamSSE(
      c,
      async (sse) => {
        sse.onAbort(() => subscriber.close());
        try {
          await sse.writeSSE({ event: 'ready', data: JSON.stringify({ deviceId }) });
          for (;;) {
            const event = await subscriber.next(keepAliveMs);
            if (event === null || sse.aborted) break;
            if (event === 'timeout') {
              await sse.write(': keep-alive\n\n');
              continue;
            }
            await sse.writeSSE({ event: event.event, data: JSON.stringify(event.data), ...(event.id !== undefined ? { id: event.id } : {}) });
          }
          if (subscriber.overflowed && !sse.aborted) {
            await sse.writeSSE({ event: 'error', data: JSON.stringify({ code: 'SUBSCRIBER_OVERFLOW', message: 'events were not read fast enough' }) });
          }
        } finally {
          done();
        }
      },
      async () => done(),
    );
  };
}

/**
 * Creates the `DELETE /v1/streams/:deviceId` handler: 204, or 404 when there is no session.
 *
 * @example
 * app.delete('/v1/streams/:deviceId', deleteSharedStream(deps));
 */
export function deleteSharedStream(deps: SharedStreamsDeps) {
  return async function deleteSharedStreamHandler(c: Context<AppEnv>): Promise<Response> {
    const deviceId = parseDeviceId(c.req.param('deviceId') ?? '');
    if (!(await deps.store.delete(deviceId))) throw new ApiError('SESSION_NOT_FOUND', `no session for ${deviceId}`, 'params.deviceId');
    return c.body(null, 204);
  };
}
