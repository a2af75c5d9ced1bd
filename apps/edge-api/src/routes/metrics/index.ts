/**
 * @module `GET /metrics`: the Prometheus text exposition of the API's metrics.
 */
import type { Context } from 'hono';
import type { AppEnv } from '../../app/app-env.js';
import type { ApiMetrics } from '../../metrics/api-metrics.js';

/**
 * Creates the `GET /metrics` handler.
 *
 * @example
 * app.get('/metrics', metricsRoute(metrics));
 */
export function metricsRoute(metrics: ApiMetrics) {
  return async function metricsHandler(c: Context<AppEnv>): Promise<Response> {
    return c.body(await metrics.registry.metrics(), 200, { 'Content-Type': metrics.registry.contentType });
  };
}
