/**
 * @module Assembles the edge API: middleware (metrics, CORS, auth, drain), every route, and the
 * one error edge. Takes a loaded {@link Predictor}; knows nothing about sockets or files.
 */
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { DEFAULT_LIMITS, type ApiLimits } from '../config/limits.js';
import type { MetricsAccess } from '../config/server-config.js';
import { createErrorHandler, createNotFound } from '../errors/on-error.js';
import { createApiMetrics, type ApiMetrics } from '../metrics/api-metrics.js';
import { bearerAuth } from '../middleware/auth/index.js';
import { StreamTokens } from '../middleware/auth/stream-tokens.js';
import { requestMetrics } from '../middleware/metrics/index.js';
import { InProcessEngine, type InferenceEngine } from '../model/inference-engine.js';
import { PredictService } from '../model/predict-service.js';
import type { Predictor } from '../model/predictor.js';
import { kserve } from '../routes/kserve/index.js';
import { metricsRoute } from '../routes/metrics/index.js';
import { openApiDocument } from '../routes/openapi/openapi-document.js';
import { openApi } from '../routes/openapi/index.js';
import { predictNdjson } from '../routes/predict-stream/index.js';
import { predict } from '../routes/predict/index.js';
import { deleteStream, postSamples, streamEvents, streamToken } from '../routes/streams/index.js';
import { MemorySessionStore } from '../sessions/memory-session-store.js';
import type { SessionStore } from '../sessions/session-store.js';
import { OpenStreams } from '../streaming/open-streams.js';
import { createSampleWindowStream } from '../streaming/sample-window-stream.js';
import type { WindowStream } from '../streaming/window-stream.js';
import type { AppEnv } from './app-env.js';

/** The API package version, reported by `/v2` and the OpenAPI document. */
export const EDGE_API_VERSION = '0.1.0';

/** Options of {@link createApp}. */
export interface CreateAppOptions {
  readonly predictor: Predictor;
  /** Where preprocessing and inference run; default in-process on `predictor`. */
  readonly engine?: InferenceEngine;
  readonly limits?: Partial<ApiLimits>;
  /** Bearer token; unset or empty disables auth. */
  readonly token?: string | undefined;
  /** Allowed CORS origins (`['*']` for any); unset or empty disables CORS headers. */
  readonly corsOrigins?: readonly string[];
  /** Who may read `/metrics` (default: with the API token). */
  readonly metrics?: MetricsAccess;
  /** Serve `/docs` and `/openapi.json` without a token. */
  readonly docsPublic?: boolean;
  /** Answer implausible windows with 422 (streams: `rejected`) instead of predicting them. */
  readonly rejectFlagged?: boolean;
  /** Lifetime of SSE stream tokens, s (default 300). */
  readonly streamTokenTtlSeconds?: number;
  /**
   * Where sessions live, made from the app's limits: default in this process's memory; a shared
   * store (`RedisSessionStore`, `EDGE_REDIS_URL`) lets replicas share them, and readiness then
   * follows its health.
   */
  readonly sessions?: (limits: ApiLimits, createWindowStream: (sampleRate: number) => WindowStream) => SessionStore;
  /** Logs server faults (5xx); default `console.error`. */
  readonly log?: (error: unknown) => void;
  /** Clock for session TTLs and stream tokens (tests). */
  readonly now?: () => number;
}

/** The app plus the state it owns. */
export interface EdgeApp {
  readonly app: Hono<AppEnv>;
  /** `/metrics` alone, for a separate metrics port. */
  readonly metricsApp: Hono<AppEnv>;
  readonly metrics: ApiMetrics;
  readonly sessions: SessionStore;
  readonly service: PredictService;
  readonly limits: ApiLimits;
  /** Marks the app as draining: readiness answers 503, responses close their connection, uploads end. */
  drain(): void;
  /** Ends sessions (this process's part of them) and stops timers. */
  close(): void;
  /** Releases the session store's connections and the inference engine (and with it the model); call after {@link EdgeApp.close}. */
  release(): Promise<void>;
}

/**
 * Builds the Hono app around a loaded predictor.
 *
 * @example
 * const { app } = createApp({ predictor: await loadPredictor('apps/edge-api/model') });
 * const res = await app.request('/v2/health/ready');
 */
export function createApp(options: CreateAppOptions): EdgeApp {
  const limits: ApiLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const info = options.predictor.info;
  const now = options.now ?? Date.now;
  const createWindowStream = (sampleRate: number): WindowStream => createSampleWindowStream(sampleRate, info.windowSeconds, info.hopSeconds);
  const sessions = options.sessions?.(limits, createWindowStream) ?? new MemorySessionStore(limits, createWindowStream, now);
  const streams = new OpenStreams(limits.maxOpenStreams);
  const metrics = createApiMetrics({ activeSessions: () => sessions.size, activeStreams: () => streams.size });
  const engine = options.engine ?? new InProcessEngine(options.predictor);
  const service = new PredictService(info, engine, metrics, { rejectFlagged: options.rejectFlagged ?? false });
  const tokens = new StreamTokens(options.token, options.streamTokenTtlSeconds ?? 300, now);
  const shutdown = new AbortController();
  const access = options.metrics ?? { kind: 'api' };
  let ready = true;

  const app = new Hono<AppEnv>();
  app.onError(createErrorHandler(options.log ?? ((error) => console.error(error))));
  app.notFound(createNotFound(app));
  app.use('*', requestMetrics(metrics));
  app.use('*', async function drainingConnections(c, next) {
    await next();
    if (!ready) c.header('Connection', 'close');
  });
  const origins = options.corsOrigins ?? [];
  if (origins.length > 0) {
    app.use('*', cors({ origin: origins.includes('*') ? '*' : [...origins], allowHeaders: ['Authorization', 'Content-Type'], exposeHeaders: ['Server-Timing'], maxAge: 600 }));
  }
  const openPaths = ['/v2/health/live', '/v2/health/ready'];
  if (options.docsPublic === true) openPaths.push('/docs', '/openapi.json');
  if (access.kind === 'open') openPaths.push('/metrics');
  app.use('*', bearerAuth({ token: options.token, openPaths, ownTokens: access.kind === 'token' ? { '/metrics': access.token } : {}, streamTokens: tokens }));

  const predictStream = predictNdjson({ service, limits, streams, createWindowStream, shutdown: shutdown.signal });
  app.post('/predict', predict({ service, limits, predictStream }));

  const streamDeps = { service, limits, store: sessions, streams, tokens };
  app.post('/v1/streams/:deviceId/samples', postSamples(streamDeps));
  app.get('/v1/streams/:deviceId/events', streamEvents(streamDeps));
  app.post('/v1/streams/:deviceId/token', streamToken(streamDeps));
  app.delete('/v1/streams/:deviceId', deleteStream(streamDeps));

  const k = kserve({ service, limits, isReady: () => ready && sessions.healthy(), serverVersion: EDGE_API_VERSION });
  app.get('/v2', k.serverMetadata);
  app.get('/v2/health/live', k.live);
  app.get('/v2/health/ready', k.ready);
  for (const base of ['/v2/models/:name', '/v2/models/:name/versions/:version']) {
    app.get(base, k.modelMetadata);
    app.get(`${base}/ready`, k.modelReady);
    app.post(`${base}/infer`, k.infer);
  }

  const metricsHandler = metricsRoute(metrics);
  if (access.kind !== 'port') app.get('/metrics', metricsHandler);
  const o = openApi(openApiDocument(info, limits, EDGE_API_VERSION));
  app.get('/openapi.json', o.json);
  app.get('/docs', o.docs);
  app.get('/', async function index(c) {
    return c.json({ name: 'painkd-edge-api', version: EDGE_API_VERSION, model: service.modelRef, docs: '/docs', openapi: '/openapi.json' });
  });

  const metricsApp = new Hono<AppEnv>();
  metricsApp.get('/metrics', metricsHandler);

  return {
    app,
    metricsApp,
    metrics,
    sessions,
    service,
    limits,
    drain() {
      ready = false;
      shutdown.abort();
    },
    close() {
      ready = false;
      sessions.closeAll();
    },
    async release() {
      await sessions.release();
      await engine.close();
    },
  };
}
