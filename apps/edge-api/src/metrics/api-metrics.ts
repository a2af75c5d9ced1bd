/**
 * @module The edge API's metrics on prom-client (the Prometheus client `@hono/prometheus` builds
 * on): requests and latency per route, inference latency and batch size, time per stage,
 * predictions, quality flags and rejected windows, open sessions and streams, plus prom-client's
 * process metrics (memory, CPU, event-loop lag) — one registry per app, rendered by `/metrics`.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Latency buckets in seconds, from 100 µs to 10 s. */
export const LATENCY_BUCKETS: readonly number[] = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10];

/** Every metric the API records, plus the registry that renders them. */
export interface ApiMetrics {
  readonly registry: Registry;
  /** `edge_api_requests_total{method,route,status}` */
  readonly requests: Counter<'method' | 'route' | 'status'>;
  /** `edge_api_request_duration_seconds{method,route}` */
  readonly requestDuration: Histogram<'method' | 'route'>;
  /** `edge_api_inference_duration_seconds` — one ONNX run (a window or a batch). */
  readonly inferenceDuration: Histogram;
  /** `edge_api_inference_batch_size` — windows per ONNX run (micro-batching). */
  readonly inferenceBatch: Histogram;
  /** `edge_api_stage_duration_seconds{stage}` — parse, resample, filter, inference. */
  readonly stageDuration: Histogram<'stage'>;
  /** `edge_api_predictions_total{source}` */
  readonly predictions: Counter<'source'>;
  /** `edge_api_quality_flags_total{flag}` — windows that raised each plausibility flag. */
  readonly qualityFlags: Counter<'flag'>;
  /** `edge_api_rejected_windows_total{source}` — flagged windows answered without a prediction. */
  readonly rejectedWindows: Counter<'source'>;
}

/**
 * Creates the API metrics; `activeSessions` and `activeStreams` are read at scrape time.
 *
 * @example
 * const metrics = createApiMetrics({ activeSessions: () => store.size, activeStreams: () => 0 });
 * await metrics.registry.metrics(); // Prometheus text
 */
export function createApiMetrics(gauges: { activeSessions: () => number; activeStreams: () => number }): ApiMetrics {
  const registry = new Registry();
  const registers = [registry];
  collectDefaultMetrics({ register: registry });
  new Gauge({
    name: 'edge_api_active_sessions',
    help: 'Streaming sessions currently open.',
    registers,
    collect() {
      this.set(gauges.activeSessions());
    },
  });
  new Gauge({
    name: 'edge_api_active_streams',
    help: 'NDJSON uploads and SSE subscribers currently open.',
    registers,
    collect() {
      this.set(gauges.activeStreams());
    },
  });
  return {
    registry,
    requests: new Counter({ name: 'edge_api_requests_total', help: 'HTTP requests by method, route pattern and status.', labelNames: ['method', 'route', 'status'], registers }),
    requestDuration: new Histogram({
      name: 'edge_api_request_duration_seconds',
      help: 'HTTP request latency by method and route pattern (until the response starts).',
      labelNames: ['method', 'route'],
      buckets: [...LATENCY_BUCKETS],
      registers,
    }),
    inferenceDuration: new Histogram({ name: 'edge_api_inference_duration_seconds', help: 'ONNX Runtime inference latency per run.', buckets: [...LATENCY_BUCKETS], registers }),
    inferenceBatch: new Histogram({ name: 'edge_api_inference_batch_size', help: 'Windows per ONNX run (concurrent requests are batched).', buckets: [1, 2, 4, 8, 16, 32, 64], registers }),
    stageDuration: new Histogram({
      name: 'edge_api_stage_duration_seconds',
      help: 'Time per request stage: parse, resample, filter, inference.',
      labelNames: ['stage'],
      buckets: [...LATENCY_BUCKETS],
      registers,
    }),
    predictions: new Counter({ name: 'edge_api_predictions_total', help: 'Predictions made, by source (predict, batch, ndjson, session, kserve).', labelNames: ['source'], registers }),
    qualityFlags: new Counter({ name: 'edge_api_quality_flags_total', help: 'Windows that raised each signal-quality flag.', labelNames: ['flag'], registers }),
    rejectedWindows: new Counter({ name: 'edge_api_rejected_windows_total', help: 'Flagged windows answered without a prediction (--reject-flagged), by source.', labelNames: ['source'], registers }),
  };
}
