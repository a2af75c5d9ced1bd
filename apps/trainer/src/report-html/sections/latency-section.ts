/** @module Teacher-vs-student latency and model size, from `bench/latency.json` when it exists. */
import { latencySpec, modelSizeSpec } from '../charts/latency-charts.js';
import { bytes, fixed, integer } from '../format.js';
import { grid, note, section, table, type ChartContext } from '../html.js';
import { speedUps, type LatencyState } from '../latency.js';

/**
 * Renders the latency section; a note alone when the benchmark's file is absent or unreadable.
 *
 * @example
 * ```ts
 * const html = await latencySection(parseLatency(json), createChartContext());
 * ```
 */
export async function latencySection(state: LatencyState, ctx: ChartContext): Promise<string> {
  const heading = 'Teacher vs student: latency and size';
  if (state.kind === 'absent') {
    return section('latency', heading, '', note('latency', `No latency measurements: ${state.reason}. Run npx nx run bench:latency, then the trainer again.`));
  }
  if (state.kind === 'unreadable') {
    return section('latency', heading, '', note('latency', `The latency benchmark's file could not be used: ${state.reason}.`));
  }
  const figures: string[] = [];
  if (state.rows.length > 0) {
    const batch = state.rows.some((r) => r.batch === 1) ? 1 : Math.min(...state.rows.map((r) => r.batch));
    const rows = state.rows.filter((r) => r.batch === batch);
    figures.push(await ctx.chart('latency', latencySpec(rows), `Latency per call, batch ${batch}`, 'lower is faster; every batch size is in the table below'));
  }
  if (state.sizes.length > 0) {
    figures.push(await ctx.chart('model-size', modelSizeSpec(state.sizes), 'Model file size', 'dashed line = 32 KB budget of the int8 student'));
  }
  const ups = speedUps(state.rows);
  const students = [...new Set(ups.map((u) => u.student))].sort();
  const settings = [...new Map(ups.map((u) => [`${u.runtime}\u0000${u.batch}\u0000${u.teacher}`, u])).values()];
  const upTable =
    ups.length === 0
      ? ''
      : table(
          'speed-up',
          ['runtime', 'batch', 'teacher', ...students.map((s) => `${s} speed-up`)],
          settings.map((u) => [
            u.runtime,
            String(u.batch),
            u.teacher,
            ...students.map((s) => {
              const hit = ups.find((x) => x.runtime === u.runtime && x.batch === u.batch && x.teacher === u.teacher && x.student === s);
              return hit === undefined ? '–' : `${fixed(hit.ratio, 1)}×`;
            }),
          ]),
        );
  const withCounts = state.sizes.some((s) => s.params !== undefined || s.macs !== undefined);
  const sizeTable =
    state.sizes.length === 0
      ? ''
      : table(
          'model-size',
          ['model', 'file', ...(withCounts ? ['params', 'MACs / window'] : [])],
          state.sizes.map((s) => [s.model, bytes(s.bytes), ...(withCounts ? [integer(s.params), integer(s.macs)] : [])]),
        );
  const latencyTable =
    state.rows.length === 0
      ? ''
      : `<details data-details="latency"><summary>All latency measurements</summary>${table(
          'latency',
          ['model', 'runtime', 'batch', 'p50 µs', 'p99 µs'],
          state.rows.map((r) => [r.model, r.runtime, String(r.batch), fixed(r.p50Us, 1), fixed(r.p99Us, 1)]),
        )}</details>`;
  const skipped = state.skipped === 0 ? '' : note('latency-skipped', `${state.skipped} entr${state.skipped === 1 ? 'y' : 'ies'} of the latency file could not be read and are not shown.`);
  return section(
    'latency',
    heading,
    `Measured on the machine that ran it: ${state.source ?? 'the latency benchmark (bench/latency.json)'}. TFLite runtimes (tfjs-tflite, LiteRT.js) run the .tflite files, batch 1. Goal: the int8 student at least 20× faster than the fp32 teacher at batch 1 on onnxruntime-node.`,
    grid(figures) + upTable + sizeTable + latencyTable + skipped,
  );
}
