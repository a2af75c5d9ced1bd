/**
 * @module Streaming sessions: `POST /v1/streams/{deviceId}/samples` appends a chunk and answers
 * the predictions it completed; `GET /v1/streams/{deviceId}/events` pushes them as server-sent
 * events; `DELETE /v1/streams/{deviceId}` ends the session.
 */
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { AppEnv } from '../../app/app-env.js';
import { readBody } from '../../body/read-body.js';
import type { ApiLimits } from '../../config/limits.js';
import { ApiError } from '../../errors/api-error.js';
import { toApiError } from '../../errors/to-api-error.js';
import { round3, type PredictService } from '../../model/predict-service.js';
import { type Prediction } from '../../model/predictor.js';
import { parseDeviceId, type SessionStore } from '../../sessions/session-store.js';
import { QueueSubscriber } from '../../sessions/sse-subscriber.js';
import { parseChunk } from '../../streaming/chunk.js';
import type { OpenStreams } from '../../streaming/open-streams.js';
import type { CompletedWindow } from '../../streaming/window-stream.js';
import { mediaType } from '../../validation/media-type.js';
import { parseJsonBytes } from '../../validation/parse-json.js';
import { parseSampleRate } from '../../validation/parse-window.js';

/** What the session routes need. */
export interface StreamsDeps {
  readonly service: PredictService;
  readonly limits: ApiLimits;
  readonly store: SessionStore;
  readonly streams: OpenStreams;
  /** Seconds between SSE keep-alive comments. */
  readonly keepAliveMs?: number;
}

/** A prediction made in a session, as answered and as pushed over SSE. */
export interface SessionPrediction {
  readonly deviceId: string;
  readonly window: number;
  readonly seq: number;
  readonly endSeconds: number;
  readonly level: number;
  readonly label: string;
  readonly probabilities: readonly number[];
}

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
      throw new ApiError('UNSUPPORTED_MEDIA_TYPE', 'Content-Type must be application/json', 'headers.content-type');
    }
    const bytes = await readBody(c, limits.maxBodyBytes);
    const value = parseJsonBytes(bytes, 'body');
    const chunk = parseChunk(value, '', limits.maxChunkSamples);
    const sampleRate = parseSampleRate((value as Record<string, unknown>)['sampleRate'], 'sampleRate');
    const session = store.forChunk(deviceId, chunk.seq, sampleRate);
    store.checkBuffer(session, chunk.samples.length);
    const stream = session.stream;
    if (stream === undefined) throw new ApiError('SESSION_NOT_FOUND', `no session for ${deviceId}`, 'params.deviceId');
    let completed: readonly CompletedWindow[];
    try {
      completed = stream.push(chunk.seq, chunk.samples);
    } catch (error) {
      throw toApiError(error, 'seq');
    }
    let predictions: SessionPrediction[] = [];
    if (completed.length > 0) {
      const raw = await service.predictRaw(
        completed.map((w) => ({ samples: w.samples, sampleRate })),
        'session',
      );
      predictions = completed.map((w, i) => {
        const p = raw[i] as Prediction;
        return { deviceId, window: w.index, seq: w.seq, endSeconds: round3(w.endSeconds), level: p.level, label: p.label, probabilities: p.probabilities };
      });
      for (const p of predictions) store.publish(session, { event: 'prediction', id: String(p.window), data: p });
    }
    return c.json({
      deviceId,
      seq: chunk.seq,
      nextSeq: stream.nextSeq,
      bufferedSamples: stream.bufferedSamples,
      predictions,
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
    let session;
    try {
      session = store.subscribe(deviceId, subscriber);
    } catch (error) {
      release();
      throw error;
    }
    const subscribed = session;
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
          store.unsubscribe(subscribed, subscriber);
          release();
        }
      },
      async () => {
        store.unsubscribe(subscribed, subscriber);
        release();
      },
    );
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
    if (!deps.store.delete(deviceId)) {
      throw new ApiError('SESSION_NOT_FOUND', `no session for ${deviceId}`, 'params.deviceId');
    }
    return c.body(null, 204);
  };
}
