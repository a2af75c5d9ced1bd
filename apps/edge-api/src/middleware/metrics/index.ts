/**
 * @module Request metrics: stamps the start time, then counts each request and observes its
 * latency by method and route pattern (never the raw URL, so labels stay bounded).
 */
import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { AppEnv } from '../../app/app-env.js';
import type { ApiMetrics } from '../../metrics/api-metrics.js';

const KNOWN_METHODS = new Set(['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS']);

/**
 * Creates the request-metrics middleware; mount it first.
 *
 * @example
 * app.use('*', requestMetrics(metrics));
 */
export function requestMetrics(metrics: ApiMetrics): MiddlewareHandler<AppEnv> {
  return async function requestMetricsMiddleware(c, next) {
    const startedAt = performance.now();
    c.set('startedAt', startedAt);
    await next();
    const pattern = routePath(c, -1);
    const route = pattern === '' || pattern === '*' || pattern === '/*' ? 'unmatched' : pattern;
    const method = KNOWN_METHODS.has(c.req.method) ? c.req.method : 'OTHER';
    metrics.requests.inc({ method, route, status: String(c.res.status) });
    metrics.requestDuration.observe({ method, route }, (performance.now() - startedAt) / 1000);
  };
}
