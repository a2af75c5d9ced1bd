/**
 * @module Teacher-vs-student latency (p50 dot, line to p99, log scale, one panel per runtime)
 * and model file sizes, from the latency benchmark.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { LatencyRow, ModelSize } from '../latency.js';
import { CHART_CONFIG, TEACHER_COLOR } from '../theme.js';

const MODEL_PALETTE = ['#4c78a8', '#e45756', '#54a24b', '#f58518', '#b279a2', '#72b7b2'];

function modelColors(models: readonly string[]): { domain: string[]; range: string[] } {
  let next = 0;
  const range = models.map((m) => {
    if (/teacher/i.test(m)) return TEACHER_COLOR;
    const c = MODEL_PALETTE[next % MODEL_PALETTE.length] ?? '#4c78a8';
    next += 1;
    return c;
  });
  return { domain: [...models], range };
}

function modelOrder(models: Iterable<string>): string[] {
  const rank = (m: string): number => (/teacher/i.test(m) ? 0 : /int8/i.test(m) ? 2 : 1);
  return [...new Set(models)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/**
 * Builds the Vega-Lite spec of the latency chart at one batch size: one panel per runtime, one
 * dot per model at p50 with a line to p99, on a log µs axis with one tick per decade.
 *
 * @example
 * ```ts
 * latencySpec(state.rows.filter((r) => r.batch === 1));
 * ```
 */
export function latencySpec(rows: readonly LatencyRow[]): TopLevelSpec {
  const models = modelOrder(rows.map((r) => r.model));
  const runtimes = [...new Set(rows.map((r) => r.runtime))].sort();
  const values = rows.map((r) => ({
    model: r.model,
    runtime: r.runtime,
    p50: r.p50Us,
    p99: r.p99Us ?? r.p50Us,
    label: r.p50Us >= 100 ? `${Math.round(r.p50Us)} µs` : `${r.p50Us.toFixed(1)} µs`,
  }));
  const lo = Math.floor(Math.log10(Math.min(...values.map((v) => v.p50))));
  const hi = Math.ceil(Math.log10(Math.max(...values.map((v) => v.p99))) + 0.15);
  const decades = Array.from({ length: Math.max(1, hi - lo) + 1 }, (_, i) => 10 ** (lo + i));
  const y = { field: 'model', type: 'nominal' as const, sort: models, title: null };
  const x = {
    field: 'p50',
    type: 'quantitative' as const,
    title: 'p50 per call (µs, log scale); line to p99',
    scale: { type: 'log' as const, domain: [decades[0] ?? 1, decades[decades.length - 1] ?? 10] },
    axis: { values: decades, format: ',~r' },
  };
  const color = { field: 'model', type: 'nominal' as const, scale: modelColors(models), legend: null };
  return {
    config: CHART_CONFIG,
    data: { values },
    facet: {
      row: {
        field: 'runtime',
        type: 'nominal',
        sort: runtimes,
        title: null,
        header: { labelOrient: 'top', labelAnchor: 'start', labelAngle: 0, labelFontWeight: 600, labelPadding: 2 },
      },
    },
    spacing: 6,
    spec: {
      width: 270,
      height: 20 * models.length,
      layer: [
        {
          mark: { type: 'rule', strokeWidth: 2, opacity: 0.6 },
          encoding: { y, x, x2: { field: 'p99' }, color },
        },
        { mark: { type: 'point', filled: true, size: 55, opacity: 1 }, encoding: { y, x, color } },
        {
          mark: { type: 'text', align: 'left', dx: 6, fontSize: 10, color: '#374151' },
          encoding: { y, x: { ...x, field: 'p99' }, text: { field: 'label', type: 'nominal' } },
        },
      ],
    },
  };
}

/**
 * Builds the Vega-Lite spec of model file sizes in KB, with the 32 KB budget of the int8
 * student as a reference line.
 *
 * @example
 * ```ts
 * modelSizeSpec(state.sizes);
 * ```
 */
export function modelSizeSpec(sizes: readonly ModelSize[]): TopLevelSpec {
  const models = modelOrder(sizes.map((s) => s.model));
  const values = sizes.map((s) => ({
    model: s.model,
    kb: s.bytes / 1024,
    label: s.bytes >= 1024 * 1024 ? `${(s.bytes / 1024 / 1024).toFixed(2)} MB` : `${(s.bytes / 1024).toFixed(1)} KB`,
  }));
  const y = { field: 'model', type: 'nominal' as const, sort: models, title: null };
  return {
    config: CHART_CONFIG,
    width: 270,
    height: { step: 24 },
    datasets: { sizes: values, budget: [{ kb: 32, label: '32 KB budget' }] },
    layer: [
      {
        data: { name: 'sizes' },
        mark: { type: 'bar', cornerRadiusEnd: 2 },
        encoding: {
          y,
          x: { field: 'kb', type: 'quantitative', title: 'file size (KB)' },
          color: { field: 'model', type: 'nominal', scale: modelColors(models), legend: null },
        },
      },
      {
        data: { name: 'sizes' },
        mark: { type: 'text', align: 'left', dx: 4, fontSize: 10, color: '#111827' },
        encoding: { y, x: { field: 'kb', type: 'quantitative' }, text: { field: 'label', type: 'nominal' } },
      },
      {
        data: { name: 'budget' },
        mark: { type: 'rule', color: '#b91c1c', strokeDash: [3, 3] },
        encoding: { x: { field: 'kb', type: 'quantitative' } },
      },
    ],
  };
}
