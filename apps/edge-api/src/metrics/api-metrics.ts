/**
 * @module The edge API's own metrics: requests and latency per route, inference latency, time
 * per preprocessing stage, predictions, active sessions and streams.
 */
import { Counter, Gauge, Histogram, MetricsRegistry } from './registry.js';

/** Every metric the API records, plus the registry that renders them. */
export interface ApiMetrics {
  readonly registry: MetricsRegistry;
  /** `edge_api_requests_total{method,route,status}` */
  readonly requests: Counter;
  /** `edge_api_request_duration_seconds{method,route}` */
  readonly requestDuration: Histogram;
  /** `edge_api_inference_duration_seconds` — one ONNX run (a window or a batch). */
  readonly inferenceDuration: Histogram;
  /** `edge_api_inference_batch_size` — windows per ONNX run (micro-batching). */
  readonly inferenceBatch: Histogram;
  /** `edge_api_stage_duration_seconds{stage}` — parse, resample, filter, inference. */
  readonly stageDuration: Histogram;
  /** `edge_api_predictions_total{source}` */
  readonly predictions: Counter;
}

/**
 * Creates the API metrics; `activeSessions` and `activeStreams` are read at scrape time.
 *
 * @example
 * const metrics = createApiMetrics({ activeSessions: () => store.size, activeStreams: () => 0 });
 */
export function createApiMetrics(gauges: { activeSessions: () => number; activeStreams: () => number }): ApiMetrics {
  const registry = new MetricsRegistry();
  registry.register(new Gauge('edge_api_active_sessions', 'Streaming sessions currently open.', gauges.activeSessions));
  registry.register(new Gauge('edge_api_active_streams', 'NDJSON uploads and SSE subscribers currently open.', gauges.activeStreams));
  return {
    registry,
    requests: registry.register(new Counter('edge_api_requests_total', 'HTTP requests by method, route pattern and status.')),
    requestDuration: registry.register(
      new Histogram('edge_api_request_duration_seconds', 'HTTP request latency by method and route pattern (until the response starts).'),
    ),
    inferenceDuration: registry.register(new Histogram('edge_api_inference_duration_seconds', 'ONNX Runtime inference latency per run.')),
    inferenceBatch: registry.register(new Histogram('edge_api_inference_batch_size', 'Windows per ONNX run (concurrent requests are batched).', [1, 2, 4, 8, 16, 32, 64])),
    stageDuration: registry.register(
      new Histogram('edge_api_stage_duration_seconds', 'Time per request stage: parse, resample, filter, inference.'),
    ),
    predictions: registry.register(new Counter('edge_api_predictions_total', 'Predictions made, by source (predict, batch, ndjson, session, kserve).')),
  };
}
