/** @module Tests of the Prometheus registry's text exposition. */
import { describe, expect, it } from 'vitest';
import { Counter, Gauge, Histogram, MetricsRegistry } from './registry.js';

describe('MetricsRegistry', () => {
  it('renders counters, gauges and cumulative histograms with escaped labels', () => {
    const r = new MetricsRegistry();
    const c = r.register(new Counter('hits_total', 'Hits.'));
    c.inc({ route: '/a"b' });
    c.inc({ route: '/a"b' }, 2);
    r.register(new Gauge('open', 'Open.', () => 3));
    const h = r.register(new Histogram('lat_seconds', 'Latency.', [0.1, 1]));
    h.observe(0.05);
    h.observe(0.5);
    h.observe(5);
    const text = r.render();
    expect(text).toContain('# TYPE hits_total counter\nhits_total{route="/a\\"b"} 3');
    expect(text).toContain('open 3');
    expect(text).toContain('lat_seconds_bucket{le="0.1"} 1\nlat_seconds_bucket{le="1"} 2\nlat_seconds_bucket{le="+Inf"} 3');
    expect(text).toContain('lat_seconds_sum 5.55');
    expect(text).toContain('lat_seconds_count 3');
    expect(c.get({ route: 'other' })).toBe(0);
  });
});
