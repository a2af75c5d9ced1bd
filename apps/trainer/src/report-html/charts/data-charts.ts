/** @module Charts of the data a run used: windows per class and one preprocessed trace per class. */
import type { ExampleTrace } from '@painkd/distill';
import type { TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG } from '../theme.js';

/** Most points drawn per example trace; longer traces are decimated by a fixed stride. */
export const MAX_TRACE_POINTS = 400;

/**
 * Builds the Vega-Lite spec of a bar chart of windows per class.
 *
 * @example
 * ```ts
 * classCountsSpec(['BL', 'PA1'], [1740, 1740]);
 * ```
 */
export function classCountsSpec(labels: readonly string[], counts: readonly number[]): TopLevelSpec {
  const values = counts.map((windows, i) => ({ label: labels[i] ?? `class ${i}`, windows }));
  const y = { field: 'label', type: 'nominal' as const, sort: values.map((v) => v.label), title: null };
  return {
    config: CHART_CONFIG,
    width: 280,
    height: { step: 24 },
    data: { values },
    layer: [
      {
        mark: { type: 'bar', color: '#4c78a8', cornerRadiusEnd: 2 },
        encoding: { y, x: { field: 'windows', type: 'quantitative', title: 'windows' } },
      },
      {
        mark: { type: 'text', align: 'left', dx: 4, fontSize: 11, color: '#111827' },
        encoding: { y, x: { field: 'windows', type: 'quantitative' }, text: { field: 'windows', type: 'quantitative', format: ',d' } },
      },
    ],
  };
}

/**
 * Builds the Vega-Lite spec of small multiples, one preprocessed trace per class, on a shared
 * time axis (seconds) and a shared value axis.
 *
 * @example
 * ```ts
 * exampleTracesSpec(report.data.examples);
 * ```
 */
export function exampleTracesSpec(
  examples: readonly ExampleTrace[],
  panelOf: (e: ExampleTrace) => string = (e) => `${e.label} · subject ${e.subject}`,
): TopLevelSpec {
  const sorted = [...examples].sort((a, b) => a.classIndex - b.classIndex);
  const panels = sorted.map(panelOf);
  const values = sorted.flatMap((e, k) => {
    const n = e.samples.length;
    const stride = Math.max(1, Math.ceil(n / MAX_TRACE_POINTS));
    const rate = e.sampleRate > 0 ? e.sampleRate : 1;
    const out: { panel: string; t: number; value: number; first: boolean }[] = [];
    for (let i = 0; i < n; i += stride) {
      const v = e.samples[i];
      if (typeof v === 'number' && Number.isFinite(v)) {
        out.push({ panel: panels[k] ?? '', t: i / rate, value: v, first: out.length === 0 });
      }
    }
    return out;
  });
  return {
    config: CHART_CONFIG,
    data: { values },
    facet: { row: { field: 'panel', type: 'nominal', sort: panels, header: null } },
    spacing: 6,
    spec: {
      width: 300,
      height: 60,
      layer: [
        {
          mark: { type: 'line', strokeWidth: 1.3, color: '#4c78a8' },
          encoding: {
            x: { field: 't', type: 'quantitative', title: 'time (s)' },
            y: { field: 'value', type: 'quantitative', title: null, axis: { tickCount: 2 } },
          },
        },
        {
          transform: [{ filter: 'datum.first' }],
          mark: { type: 'text', align: 'left', baseline: 'top', x: 4, y: 2, fontSize: 11, fontWeight: 600, color: '#111827' },
          encoding: { text: { field: 'panel', type: 'nominal' } },
        },
      ],
    },
  };
}
