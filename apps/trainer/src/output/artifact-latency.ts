/**
 * @module The run's own latency comparison, measured briefly right after the artifact is written
 * so that the first report already compares teacher vs student and fp32 vs int8 in every
 * deployment runtime (onnxruntime-node and -web, tfjs-tflite, LiteRT.js), at batch 1. A few
 * seconds in all; `bench:latency` measures longer, at batch 32 too, and on tfjs. Written as the
 * run's `latency.json`, in the benchmark's format, which the report reads.
 */
import { cpus } from 'node:os';
import { exportTflite, measureLatency, netStats, prepareRunner, type ArtifactNet, type LatencyRuntime, type LatencyStats, type LatencyTarget, type WrittenArtifact } from '@painkd/models';

/** Runtimes the run measures its artifact on. */
export const ARTIFACT_LATENCY_RUNTIMES: readonly LatencyRuntime[] = ['onnxruntime-node', 'onnxruntime-web', 'tfjs-tflite', 'litert'];

/** One measured configuration, as `latency.json` rows are. */
export interface ArtifactLatencyRow {
  readonly model: 'teacher' | 'student';
  readonly precision: 'fp32' | 'int8';
  readonly runtime: LatencyRuntime;
  readonly batch: 1;
  readonly p50Us: number;
  readonly p99Us: number;
  readonly runs: number;
  readonly sizeBytes: number;
  readonly params: number;
  readonly macsPerWindow: number;
}

/** The run's `latency.json`. */
export interface ArtifactLatency {
  readonly schemaVersion: 1;
  readonly source: string;
  readonly createdAt: string;
  readonly machine: { readonly cpu: string | null; readonly cores: number; readonly node: string };
  readonly rows: readonly ArtifactLatencyRow[];
  /** File size of each model in each format (ONNX, and `.tflite` as precision `<p> .tflite`). */
  readonly models: readonly { readonly model: 'teacher' | 'student'; readonly precision: string; readonly sizeBytes: number }[];
}

/**
 * Times the teacher and both students of a written artifact on one window.
 *
 * @example
 * const latency = await measureArtifactLatency(written, { teacher: final.teacher, student: final.student }, window);
 */
export async function measureArtifactLatency(
  written: WrittenArtifact,
  nets: { readonly teacher: ArtifactNet; readonly student: ArtifactNet },
  window: Float32Array,
  options: { readonly budgetMs?: number } = {},
): Promise<ArtifactLatency> {
  const budgetMs = options.budgetMs ?? 250;
  const f = written.files;
  const { teacher, student } = nets;
  const targets: { model: 'teacher' | 'student'; target: LatencyTarget }[] = [
    { model: 'teacher', target: { precision: 'fp32', spec: teacher.spec, onnx: f['teacher-fp32']!, tflite: exportTflite(teacher.spec, teacher.weights) } },
  ];
  for (const precision of ['fp32', 'int8'] as const) {
    const onnx = f[precision === 'fp32' ? 'student-fp32' : 'student-int8']!;
    const tflite = f[precision === 'fp32' ? 'student-fp32-tflite' : 'student-int8-tflite'];
    targets.push({ model: 'student', target: { precision, spec: student.spec, onnx, ...(tflite ? { tflite } : {}) } });
  }
  const rows: ArtifactLatencyRow[] = [];
  for (const { model, target } of targets) {
    const { params, macsPerWindow: macs } = netStats(target.spec);
    for (const runtime of ARTIFACT_LATENCY_RUNTIMES) {
      const stats = await timeBatchOne(target, runtime, inputFor(target.spec, window), budgetMs);
      if (!stats) continue;
      const tflite = runtime === 'tfjs-tflite' || runtime === 'litert';
      rows.push({ model, precision: target.precision, runtime, batch: 1, p50Us: stats.p50Us, p99Us: stats.p99Us, runs: stats.runs, sizeBytes: tflite ? target.tflite!.length : target.onnx.length, params, macsPerWindow: macs });
    }
  }
  return {
    schemaVersion: 1,
    source: `the run's own artifact, measured briefly at batch 1 (${budgetMs} ms per configuration) right after training; npx nx run bench:latency measures longer, at batch 32 too`,
    createdAt: new Date().toISOString(),
    machine: { cpu: cpus()[0]?.model ?? null, cores: cpus().length, node: process.version },
    rows,
    models: targets.flatMap(({ model, target }) => [
      { model, precision: target.precision, sizeBytes: target.onnx.length },
      ...(target.tflite ? [{ model, precision: `${target.precision} .tflite`, sizeBytes: target.tflite.length }] : []),
    ]),
  };
}

/**
 * Times one model on one runtime at batch 1 — 30 warm-up calls, then 30 to 2000 timed calls
 * within `budgetMs` — the one setting for every brief latency a run measures (its `latency.json`
 * rows and its footprints); undefined when the runtime cannot run the model here.
 *
 * @example
 * const stats = await timeBatchOne({ precision: 'int8', spec, onnx }, 'onnxruntime-node', window, 300);
 */
export async function timeBatchOne(target: LatencyTarget, runtime: LatencyRuntime, input: Float32Array, budgetMs: number): Promise<LatencyStats | undefined> {
  const runner = await prepareRunner(target, runtime, input, 1);
  if (!runner) return undefined;
  try {
    return await measureLatency(() => runner.call(), { warmup: 30, maxRuns: 2000, budgetMs, minRuns: 30 });
  } finally {
    await runner.close();
  }
}

/**
 * The window to time a net on: the given one when it fits the net's input, else zeros of the net's
 * shape (a teacher on another view, e.g. five lab channels; latency does not depend on the values).
 */
function inputFor(spec: LatencyTarget['spec'], window: Float32Array): Float32Array {
  const size = spec.input.length * spec.input.channels;
  return window.length === size ? window : new Float32Array(size);
}
