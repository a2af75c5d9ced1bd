/**
 * @module Streaming sessions: `POST /v1/streams/{deviceId}/samples` appends a chunk and answers
 * the windows it completed (predictions with their quality, or `rejected`); `GET
 * /v1/streams/{deviceId}/events` pushes them as server-sent events, in window order even when
 * chunks are posted concurrently; `POST /v1/streams/{deviceId}/token` issues the short-lived token
 * a browser's `EventSource` opens that stream with; `DELETE /v1/streams/{deviceId}` ends the session.
 */
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { AppEnv } from '../../app/app-env.js';
import { readBody } from '../../body/read-body.js';
import type { ApiLimits } from '../../config/limits.js';
import { ApiError } from '../../errors/api-error.js';
import type { StreamTokens } from '../../middleware/auth/stream-tokens.js';
import { streamedWindowJson, type StreamedWindowJson } from '../../model/prediction-json.js';
import type { PredictService, WindowResult } from '../../model/predict-service.js';
import { emptyTimings } from '../../model/predictor.js';
import { parseDeviceId, type SessionEvent, type SessionStore } from '../../sessions/session-store.js';
import { QueueSubscriber } from '../../sessions/sse-subscriber.js';
import { parseChunk } from '../../streaming/chunk.js';
import type { OpenStreams } from '../../streaming/open-streams.js';
import { mediaType } from '../../validation/media-type.js';
import { parseJsonBytes } from '../../validation/parse-json.js';
import { parseSampleRate } from '../../validation/parse-window.js';

/** What the session routes need. */
export interface StreamsDeps {
  readonly service: PredictService;
  readonly limits: ApiLimits;
  readonly store: SessionStore;
  readonly streams: OpenStreams;
  readonly tokens: StreamTokens;
  /** Milliseconds between SSE keep-alive comments. */
  readonly keepAliveMs?: number;
}

/** A window of a session, as answered and as pushed over SSE. */
export type SessionWindow = { readonly deviceId: string } & StreamedWindowJson;

/**
 * Creates the `POST /v1/streams/:deviceId/samples` handler.
 *
 * @example
 * app.post('/v1/streams/:deviceId/samples', postSamples(deps));
 */
export function postSamples(deps: StreamsDeps) {
  const { service, limits, store } = deps;
  return async function postSamplesHandler(c: Context<AppEnv>): Promise<Response> {
    const deviceId = parseDeviceId(c.req.param('deviceId') ?? '');
    if (mediaType(c) !== 'application/json') {
      throw new ApiError('UNSUPPORTED_MEDIA_TYPE', 'Content-Type must be application/json', { path: 'headers.content-type' });
    }
    const bytes = await readBody(c, limits.maxBodyBytes, limits.requestTimeoutMs);
    const value = parseJsonBytes(bytes, 'body');
    const chunk = parseChunk(value, '', limits.maxChunkSamples);
    const sampleRate = parseSampleRate((value as Record<string, unknown>)['sampleRate'], 'sampleRate');
    const appended = await store.append(deviceId, { seq: chunk.seq, sampleRate, samples: chunk.samples });
    const windows = (async (): Promise<SessionWindow[]> => {
      if (appended.windows.length === 0) return [];
      const results = await service.predictRaw(
        appended.windows.map((w) => ({ samples: w.samples, sampleRate })),
        'session',
        emptyTimings(),
        { onReject: 'skip' },
      );
      return appended.windows.map((w, i) => ({ deviceId, ...streamedWindowJson(w, results[i] as WindowResult) }));
    })();
    await appended.publish(windows.then((ws) => ws.map((w): SessionEvent => ({ event: 'rejected' in w ? 'rejected' : 'prediction', id: String(w.window), data: w }))));
    return c.json({
      deviceId,
      seq: chunk.seq,
      nextSeq: appended.nextSeq,
      bufferedSamples: appended.bufferedSamples,
      predictions: await windows,
      model: service.modelRef,
    });
  };
}

/**
 * Creates the `GET /v1/streams/:deviceId/events` handler (server-sent events).
 *
 * @example
 * app.get('/v1/streams/:deviceId/events', streamEvents(deps));
 */
export function streamEvents(deps: StreamsDeps) {
  const { limits, store } = deps;
  const keepAliveMs = deps.keepAliveMs ?? 15_000;
  return async function streamEventsHandler(c: Context<AppEnv>): Promise<Response> {
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
    const subscribed = subscription;
    const end = (): void => {
      subscribed.unsubscribe();
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
          end();
        }
      },
      async () => {
        end();
      },
    );
  };
}

/**
 * Creates the `POST /v1/streams/:deviceId/token` handler: a short-lived token for that device's
 * event stream, for `GET …/events?access_token=` (needs the API token itself).
 *
 * @example
 * app.post('/v1/streams/:deviceId/token', streamToken(deps));
 */
export function streamToken(deps: StreamsDeps) {
  return async function streamTokenHandler(c: Context<AppEnv>): Promise<Response> {
    const deviceId = parseDeviceId(c.req.param('deviceId') ?? '');
    const issued = deps.tokens.issue(deviceId);
    c.header('Cache-Control', 'no-store');
    return c.json({ ...issued, eventsUrl: `/v1/streams/${deviceId}/events?access_token=${issued.token}` });
  };
}

/**
 * Creates the `DELETE /v1/streams/:deviceId` handler: 204, or 404 when there is no session.
 *
 * @example
 * app.delete('/v1/streams/:deviceId', deleteStream(deps));
 */
export function deleteStream(deps: StreamsDeps) {
  return async function deleteStreamHandler(c: Context<AppEnv>): Promise<Response> {
    const deviceId = parseDeviceId(c.req.param('deviceId') ?? '');
    if (!(await deps.store.delete(deviceId))) {
      throw new ApiError('SESSION_NOT_FOUND', `no session for ${deviceId}`, { path: 'params.deviceId' });
    }
    return c.body(null, 204);
  };
}
