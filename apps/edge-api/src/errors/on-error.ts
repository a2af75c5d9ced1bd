/**
 * @module The edge of the app: every error and every unmatched route becomes a JSON error with
 * the status its code maps to — `{ error: { code, message, path } }` on painkd routes, the Open
 * Inference Protocol's `{ error: "<message>" }` under `/v2`. A request answered before its body
 * arrived (an early 413/415/401…) gets `Connection: close`, so pooled clients do not reuse a
 * connection the server is about to close. A known path with another method is a 405 with `Allow`.
 */
import type { Context, ErrorHandler, Hono, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../app/app-env.js';
import type { NodeBindings } from '../body/read-body.js';
import { ApiError } from './api-error.js';
import { toApiError } from './to-api-error.js';

/** True for paths of the Open Inference Protocol (KServe v2), which has its own error shape. */
export function isOipPath(path: string): boolean {
  return path === '/v2' || path.startsWith('/v2/');
}

/** True while the request's body has not been received to its end. */
function bodyUnread(c: Context): boolean {
  const incoming = (c.env as NodeBindings | undefined)?.incoming;
  return incoming !== undefined && typeof incoming.on === 'function' && !incoming.complete;
}

/**
 * Answers an {@link ApiError} as JSON, in the shape of the route family.
 *
 * @example
 * return errorResponse(c, new ApiError('NOT_FOUND', 'no such route', { path: '/nope' }));
 */
export function errorResponse(c: Context, error: ApiError): Response {
  if (bodyUnread(c)) c.header('Connection', 'close');
  if (isOipPath(c.req.path)) return c.json({ error: error.message }, error.status);
  return c.json(error.toBody(), error.status);
}

/**
 * Creates the app's `onError` handler. `log` receives errors that map to 5xx (server faults).
 *
 * @example
 * app.onError(createErrorHandler(console.error));
 */
export function createErrorHandler(log: (error: unknown) => void): ErrorHandler {
  return function onError(error, c) {
    let apiError: ApiError;
    if (error instanceof HTTPException) {
      apiError =
        error.status === 413
          ? new ApiError('BODY_TOO_LARGE', 'request body too large', { path: 'body' })
          : error.status === 401
            ? new ApiError('UNAUTHORIZED', error.message || 'unauthorized', { path: 'headers.authorization' })
            : new ApiError('BAD_REQUEST', error.message || 'bad request', { path: c.req.path });
    } else {
      apiError = toApiError(error);
    }
    if (apiError.status >= 500) log(error);
    return errorResponse(c, apiError);
  };
}

/** A route pattern (`/v1/streams/:deviceId/events`) as an anchored regular expression. */
function patternRegExp(path: string): RegExp {
  const source = path
    .split('/')
    .map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source}$`);
}

/** Every route path of the app with the methods it is served with (GET implies HEAD). */
function routeMethods(app: Hono<AppEnv>): { readonly pattern: RegExp; readonly methods: Set<string> }[] {
  const byPath = new Map<string, Set<string>>();
  for (const route of app.routes) {
    if (route.method === 'ALL') continue;
    const methods = byPath.get(route.path) ?? new Set<string>();
    methods.add(route.method);
    if (route.method === 'GET') methods.add('HEAD');
    byPath.set(route.path, methods);
  }
  return [...byPath].map(([path, methods]) => ({ pattern: patternRegExp(path), methods }));
}

/**
 * Creates the `notFound` handler: 405 `METHOD_NOT_ALLOWED` with `Allow` when the path is served
 * with other methods (GET implies HEAD), else 404 `NOT_FOUND` naming the path. Reads the app's
 * routes on first use, after they are all registered.
 *
 * @example
 * app.notFound(createNotFound(app));
 */
export function createNotFound(app: Hono<AppEnv>): NotFoundHandler {
  let table: { readonly pattern: RegExp; readonly methods: Set<string> }[] | undefined;
  return function notFound(c) {
    table ??= routeMethods(app);
    const allowed = new Set(table.filter((r) => r.pattern.test(c.req.path)).flatMap((r) => [...r.methods]));
    if (allowed.size > 0 && !allowed.has(c.req.method)) {
      const allow = [...allowed].sort().join(', ');
      c.header('Allow', allow);
      return errorResponse(c, new ApiError('METHOD_NOT_ALLOWED', `${c.req.method} is not allowed on ${c.req.path}; use ${allow}`, { path: c.req.path, details: { allow: [...allowed].sort() } }));
    }
    return errorResponse(c, new ApiError('NOT_FOUND', `no route for ${c.req.method} ${c.req.path}`, { path: c.req.path }));
  };
}
