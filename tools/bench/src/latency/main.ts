/**
 * @module `npx nx run bench:latency`: teacher fp32, student fp32 and student int8 on tfjs (WASM),
 * onnxruntime-web (WASM, 1 thread), onnxruntime-node (1 thread), and the TFLite runtimes
 * tfjs-tflite and LiteRT.js (wasm, 1 thread; batch 1 only), batch 1 and 32, thousands of timed runs
 * after warm-up. Prints the table, the teacher/student speed-ups and the goals, and
 * writes `bench/latency.json` at the repository root. Uses `artifacts/` when it holds a trained
 * artifact (or `--artifact <dir>`, relative to the repository root), else fresh default nets.
 * `--budget-ms <ms>` (default 2500) bounds each row. An unknown flag or a bad value exits 2.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { initBackend, LATENCY_RUNTIMES, measureLatency, prepareRunner } from '@painkd/models';
import { benchArgs } from '../cli/bench-args.js';
import { calibrationWindows, floorModel, loadLatencyModels } from './latency-models.js';
import { formatLatencyTable, latencyGoals, latencySpeedUps, type LatencyRow } from './latency-report.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const BATCHES = [1, 32] as const;

const args = benchArgs({
  bench: 'latency',
  usage: '[--artifact <dir>] [--budget-ms <ms>]',
  flags: {
    artifact: { type: 'string', default: 'artifacts' },
    'budget-ms': { type: 'number', default: 2500 },
  },
});

async function main(): Promise<void> {
  const artifactDir = isAbsolute(args.artifact) ? args.artifact : join(repoRoot, args.artifact);
  const budgetMs = args['budget-ms'];
  const backend = await initBackend('wasm', { threads: 1 });
  const { source, models } = await loadLatencyModels(artifactDir);
  console.log(`models: ${source}; tfjs backend ${backend.name} (${backend.threads} thread); ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`);
  const { length, channels } = models[0]!.spec.input;
  const per = length * channels;
  const windows = calibrationWindows(32, per, 7);
  const rows: LatencyRow[] = [];
  const classes = models[0]!.spec.classes;
  for (const m of [floorModel(length, channels, classes), ...models]) {
    for (const runtime of LATENCY_RUNTIMES) {
      for (const batch of BATCHES) {
        const input = new Float32Array(batch * per);
        for (let b = 0; b < batch; b++) input.set(windows[b]!, b * per);
        const runner = await prepareRunner(m, runtime, input, batch);
        if (!runner) continue;
        const stats = await measureLatency(() => runner.call(), { warmup: 200, maxRuns: 5000, budgetMs, minRuns: 200 });
        await runner.close();
        const row: LatencyRow = {
          model: m.model,
          precision: m.precision,
          runtime,
          batch,
          ...stats,
          sizeBytes: runtime === 'tfjs-tflite' || runtime === 'litert' ? (m.tflite?.length ?? 0) : m.onnx.length,
          params: m.params,
          macsPerWindow: m.macsPerWindow,
          macsPerSecond: (m.macsPerWindow * batch) / (stats.p50Us / 1e6),
        };
        rows.push(row);
        console.log(`  ${m.model} ${m.precision} on ${runtime}, batch ${batch}: p50 ${stats.p50Us.toFixed(1)} µs, p99 ${stats.p99Us.toFixed(1)} µs (${stats.runs} runs)`);
      }
    }
  }
  const speedUps = latencySpeedUps(rows);
  const goals = latencyGoals(rows);
  console.log(`\n${formatLatencyTable(rows)}\n\nteacher fp32 p50 / student p50:`);
  for (const s of speedUps) {
    const net = s.aboveFloor === null ? '' : ` (${s.aboveFloor.toFixed(1)}× above the runtime's floor)`;
    console.log(`  ${s.runtime.padEnd(17)} batch ${String(s.batch).padStart(2)}  student ${s.student}: ${s.ratio.toFixed(1)}×${net}`);
  }
  console.log('\ngoals:');
  for (const g of goals) console.log(`  [${g.pass === null ? 'n/a ' : g.pass ? 'PASS' : 'FAIL'}] ${g.goal}: ${g.measured === null ? 'not measured' : g.measured.toFixed(1)}`);
  const out = join(repoRoot, 'bench', 'latency.json');
  await mkdir(dirname(out), { recursive: true });
  const sizes = models.flatMap((m) => [
    { model: m.model, precision: m.precision, sizeBytes: m.onnx.length, params: m.params, macsPerWindow: m.macsPerWindow },
    ...(m.tflite ? [{ model: m.model, precision: `${m.precision} .tflite`, sizeBytes: m.tflite.length, params: m.params, macsPerWindow: m.macsPerWindow }] : []),
  ]);
  await writeFile(
    out,
    JSON.stringify({ schemaVersion: 1, createdAt: new Date().toISOString(), source, machine: { cpu: cpus()[0]?.model ?? null, cores: cpus().length, node: process.version }, threads: 1, models: sizes, rows, speedUps, goals }, null, 2) + '\n',
  );
  console.log(`\nwrote ${out}`);
}

await main();
