/**
 * @module A small Prometheus registry (counters, gauges, histograms with labels) rendered in the
 * text exposition format 0.0.4. Label sets are bounded by the caller (route patterns, not URLs).
 */

/** Label values keyed by label name. */
export type Labels = Readonly<Record<string, string>>;

/** Latency buckets in seconds, from 100 µs to 10 s. */
export const LATENCY_BUCKETS: readonly number[] = [
  0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10,
];

interface Metric {
  render(): string;
}

function labelKey(labels: Labels): string {
  const keys = Object.keys(labels).sort();
  return keys.map((k) => `${k}="${escapeLabel(labels[k] ?? '')}"`).join(',');
}

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

function braces(key: string, extra = ''): string {
  const inner = [key, extra].filter((s) => s !== '').join(',');
  return inner === '' ? '' : `{${inner}}`;
}

/**
 * A monotonically increasing count per label set.
 *
 * @example
 * new Counter('hits_total', 'Hits.').inc({ route: '/predict' });
 */
export class Counter implements Metric {
  private readonly values = new Map<string, number>();
  constructor(
    readonly name: string,
    readonly help: string,
  ) {}

  /** Adds `by` (default 1) to the series with these labels. */
  inc(labels: Labels = {}, by = 1): void {
    const key = labelKey(labels);
    this.values.set(key, (this.values.get(key) ?? 0) + by);
  }

  /** The current value of one series (0 when never incremented). */
  get(labels: Labels = {}): number {
    return this.values.get(labelKey(labels)) ?? 0;
  }

  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`];
    for (const [key, value] of this.values) lines.push(`${this.name}${braces(key)} ${value}`);
    return lines.join('\n');
  }
}

/**
 * A value that goes up and down, read from a callback at scrape time.
 *
 * @example
 * new Gauge('open_sessions', 'Open sessions.', () => store.size);
 */
export class Gauge implements Metric {
  constructor(
    readonly name: string,
    readonly help: string,
    private readonly read: () => number,
  ) {}

  render(): string {
    return [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} gauge`, `${this.name} ${this.read()}`].join('\n');
  }
}

interface HistogramSeries {
  readonly counts: Float64Array;
  sum: number;
  count: number;
}

/**
 * Observations counted into cumulative buckets, per label set.
 *
 * @example
 * new Histogram('latency_seconds', 'Latency.').observe(0.002, { route: '/predict' });
 */
export class Histogram implements Metric {
  private readonly series = new Map<string, HistogramSeries>();
  constructor(
    readonly name: string,
    readonly help: string,
    readonly buckets: readonly number[] = LATENCY_BUCKETS,
  ) {}

  /** Records one observation (seconds, for latency histograms). */
  observe(value: number, labels: Labels = {}): void {
    const key = labelKey(labels);
    let s = this.series.get(key);
    if (s === undefined) {
      s = { counts: new Float64Array(this.buckets.length), sum: 0, count: 0 };
      this.series.set(key, s);
    }
    for (let i = 0; i < this.buckets.length; i++) {
      if (value <= (this.buckets[i] as number)) s.counts[i] = (s.counts[i] as number) + 1;
    }
    s.sum += value;
    s.count += 1;
  }

  /** The number of observations in one series. */
  count(labels: Labels = {}): number {
    return this.series.get(labelKey(labels))?.count ?? 0;
  }

  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    for (const [key, s] of this.series) {
      for (let i = 0; i < this.buckets.length; i++) {
        lines.push(`${this.name}_bucket${braces(key, `le="${this.buckets[i]}"`)} ${s.counts[i]}`);
      }
      lines.push(`${this.name}_bucket${braces(key, 'le="+Inf"')} ${s.count}`);
      lines.push(`${this.name}_sum${braces(key)} ${s.sum}`);
      lines.push(`${this.name}_count${braces(key)} ${s.count}`);
    }
    return lines.join('\n');
  }
}

/**
 * Holds metrics and renders them all for `GET /metrics`.
 *
 * @example
 * const registry = new MetricsRegistry();
 * const hits = registry.register(new Counter('hits_total', 'Hits.'));
 * hits.inc({ route: '/predict' });
 * registry.render(); // "# HELP hits_total Hits.\n# TYPE hits_total counter\nhits_total{route=\"/predict\"} 1\n"
 */
export class MetricsRegistry {
  private readonly metrics: Metric[] = [];

  /** Adds a metric and returns it. */
  register<M extends Metric>(metric: M): M {
    this.metrics.push(metric);
    return metric;
  }

  /** The Prometheus text exposition of every registered metric. */
  render(): string {
    return `${this.metrics.map((m) => m.render()).join('\n')}\n`;
  }
}
