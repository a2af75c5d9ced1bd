/** @module The API metrics render in the Prometheus text format, with label order and gauges as scraped. */
import { describe, expect, it } from 'vitest';
import { createApiMetrics } from './api-metrics.js';

describe('createApiMetrics', () => {
  it('renders counters, gauges read at scrape time and cumulative histograms', async () => {
    let sessions = 2;
    const m = createApiMetrics({ activeSessions: () => sessions, activeStreams: () => 0 });
    m.requests.inc({ method: 'POST', route: '/predict', status: '200' });
    m.requests.inc({ method: 'POST', route: '/predict', status: '200' }, 2);
    m.requestDuration.observe({ method: 'POST', route: '/predict' }, 0.0004);
    m.requestDuration.observe({ method: 'POST', route: '/predict' }, 0.2);
    m.qualityFlags.inc({ flag: 'FLAT' });
    sessions = 3;
    const text = await m.registry.metrics();
    expect(text).toContain('edge_api_requests_total{method="POST",route="/predict",status="200"} 3');
    expect(text).toContain('edge_api_request_duration_seconds_bucket{le="0.0005",method="POST",route="/predict"} 1');
    expect(text).toContain('edge_api_request_duration_seconds_bucket{le="+Inf",method="POST",route="/predict"} 2');
    expect(text).toContain('edge_api_request_duration_seconds_count{method="POST",route="/predict"} 2');
    expect(text).toContain('edge_api_active_sessions 3');
    expect(text).toContain('edge_api_quality_flags_total{flag="FLAT"} 1');
    expect(text).toMatch(/process_resident_memory_bytes \d+/);
    expect(m.registry.contentType).toContain('text/plain');
  });
});
