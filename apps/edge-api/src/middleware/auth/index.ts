/**
 * @module Optional bearer-token auth. When a token is configured, every request must send
 * `Authorization: Bearer <token>` (compared in constant time), except: open paths (health probes;
 * `/docs` and `/metrics` when made public), paths with their own token (`/metrics` with
 * `EDGE_METRICS_TOKEN`), and SSE event streams opened with `?access_token=<stream token>` — the
 * one thing a browser's `EventSource` can send.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../app/app-env.js';
import { ApiError } from '../../errors/api-error.js';
import type { StreamTokens } from './stream-tokens.js';

/** Options of {@link bearerAuth}. */
export interface BearerAuthOptions {
  /** The API token; `undefined` or empty disables auth. */
  readonly token: string | undefined;
  /** Paths served without a token. */
  readonly openPaths?: readonly string[];
  /** Paths that take their own token instead of the API token. */
  readonly ownTokens?: Readonly<Record<string, string>>;
  /** Verifies `?access_token=` on `/v1/streams/{deviceId}/events`. */
  readonly streamTokens?: StreamTokens;
}

const EVENTS_PATH = /^\/v1\/streams\/([^/]+)\/events$/;

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/**
 * Compares two secrets in time independent of where they differ (both are hashed to 32 bytes
 * first, so their lengths leak nothing either).
 *
 * @example
 * tokensEqual('abc', 'abc'); // true
 */
export function tokensEqual(a: string, b: string): boolean {
  return timingSafeEqual(digest(a), digest(b));
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function unauthorized(message: string, path = 'headers.authorization'): ApiError {
  return new ApiError('UNAUTHORIZED', message, { path });
}

/**
 * Creates the auth middleware; a missing or wrong token is a 401 `UNAUTHORIZED`.
 *
 * @example
 * app.use('*', bearerAuth({ token: process.env.EDGE_API_TOKEN, openPaths: ['/v2/health/live'], streamTokens }));
 */
export function bearerAuth(options: BearerAuthOptions): MiddlewareHandler<AppEnv> {
  const token = options.token === '' ? undefined : options.token;
  const open = new Set(options.openPaths ?? []);
  const own = options.ownTokens ?? {};
  return async function bearerAuthMiddleware(c, next) {
    const path = c.req.path;
    const expected = own[path] ?? token;
    if (expected === undefined || c.req.method === 'OPTIONS' || open.has(path)) return next();
    const events = EVENTS_PATH.exec(path);
    const accessToken = events === null ? undefined : c.req.query('access_token');
    if (accessToken !== undefined && options.streamTokens !== undefined) {
      if (tokensEqual(accessToken, expected)) throw unauthorized('access_token takes a stream token from POST /v1/streams/{deviceId}/token, never the API token', 'query.access_token');
      const reason = options.streamTokens.verify(accessToken, safeDecode(events?.[1] ?? ''));
      if (reason !== undefined) throw unauthorized(reason, 'query.access_token');
      return next();
    }
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer +(\S+) *$/i.exec(header);
    if (match === null || !tokensEqual(match[1] as string, expected)) {
      c.header('WWW-Authenticate', 'Bearer realm="painkd-edge-api"');
      throw unauthorized(match === null ? 'missing bearer token' : 'invalid bearer token');
    }
    return next();
  };
}
