/**
 * @module Optional bearer-token auth: when a token is configured, every request except the
 * health probes must send `Authorization: Bearer <token>`, compared in constant time.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../app/app-env.js';
import { ApiError } from '../../errors/api-error.js';

/** Options of {@link bearerAuth}. */
export interface BearerAuthOptions {
  /** The expected token; `undefined` or empty disables auth. */
  readonly token: string | undefined;
  /** Paths served without a token (liveness/readiness probes). */
  readonly openPaths?: readonly string[];
}

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

/**
 * Creates the auth middleware; a missing or wrong token is a 401 `UNAUTHORIZED`.
 *
 * @example
 * app.use('*', bearerAuth({ token: process.env.EDGE_API_TOKEN, openPaths: ['/v2/health/live'] }));
 */
export function bearerAuth(options: BearerAuthOptions): MiddlewareHandler<AppEnv> {
  const token = options.token;
  const open = new Set(options.openPaths ?? []);
  return async function bearerAuthMiddleware(c, next) {
    if (token === undefined || token === '' || c.req.method === 'OPTIONS' || open.has(c.req.path)) return next();
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer +(\S+) *$/i.exec(header);
    if (match === null || !tokensEqual(match[1] as string, token)) {
      c.header('WWW-Authenticate', 'Bearer realm="painkd-edge-api"');
      throw new ApiError('UNAUTHORIZED', match === null ? 'missing bearer token' : 'invalid bearer token', 'headers.authorization');
    }
    return next();
  };
}
