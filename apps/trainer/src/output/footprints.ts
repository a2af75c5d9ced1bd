/**
 * @module What each student size and the teacher cost to deploy — the x axes of the report's
 * Pareto charts: parameters and MACs from the spec, fp32 and int8 ONNX file sizes from the same
 * exporter and quantiser as the artifact, and a brief single-window latency of the deployed
 * precision on onnxruntime-node. Sizes and latency depend on the architecture, not on the weights,
 * so each size is exported once with seeded initial weights (calibrated on the students' windows).
 */
import { buildNetSpec, chooseCalibration, createNet, exportOnnx, netStats, type NetSpec, type NetWeights } from '@painkd/models';
import { studentRuns, type ExperimentConfig, type Footprint } from '@painkd/distill';
import { timeBatchOne } from './artifact-latency.js';

/** Options of {@link measureFootprints}. */
export interface FootprintOptions {
  /** Student-view windows (each `length × channels`) to calibrate the int8 export and time with. */
  readonly windows: readonly Float32Array[];
  /**
   * The final teacher as deployed, when the run made one: its spec and fp32 ONNX file, and the
   * batch-1 onnxruntime-node latency already measured on that file (the run's artifact latency),
   * so the report shows one teacher latency; timed here when absent.
   */
  readonly teacher?: { readonly spec: NetSpec; readonly onnx: Uint8Array; readonly latencyUs?: Footprint['latencyUs'] };
  /** Milliseconds of timing per model (default 300). */
  readonly budgetMs?: number;
}

/**
 * One footprint per student size (id: the size id, or `student` without a family) and one for the
 * teacher.
 *
 * @example
 * const footprints = await measureFootprints(config, { inputLength: 22, channels: 1, classes: 2 }, { windows, teacher: { spec, onnx: written.files['teacher-fp32']! } });
 */
export async function measureFootprints(
  config: ExperimentConfig,
  io: { readonly inputLength: number; readonly channels: number; readonly classes: number },
  options: FootprintOptions,
): Promise<Footprint[]> {
  const budgetMs = options.budgetMs ?? 300;
  const sizes = new Map<string, NetSpec>();
  for (const run of studentRuns(config)) {
    const id = run.size ?? 'student';
    if (!sizes.has(id)) sizes.set(id, buildNetSpec(run.net.arch, run.net.config, io));
  }
  const out: Footprint[] = [];
  for (const [id, spec] of sizes) {
    const net = createNet(spec, { seed: 1 });
    let weights: NetWeights;
    try {
      weights = await net.readWeights();
    } finally {
      net.dispose();
    }
    const fp32 = exportOnnx(spec, weights);
    const int8 = (await chooseCalibration(fp32, options.windows)).model;
    out.push({ ...stats(id, 'student', spec, fp32), int8Bytes: int8.length, latencyUs: await latency(spec, int8, 'int8', options.windows[0]!, budgetMs) });
  }
  if (options.teacher) {
    const { spec, onnx } = options.teacher;
    const latencyUs = options.teacher.latencyUs ?? (await latency(spec, onnx, 'fp32', new Float32Array(spec.input.length * spec.input.channels), budgetMs));
    out.push({ ...stats('teacher', 'teacher', spec, onnx), latencyUs });
  }
  return out;
}

function stats(id: string, role: Footprint['role'], spec: NetSpec, fp32: Uint8Array): Footprint {
  const s = netStats(spec);
  return { id, role, arch: spec.arch, params: s.params, macs: s.macsPerWindow, fp32Bytes: fp32.length };
}

async function latency(spec: NetSpec, onnx: Uint8Array, precision: 'fp32' | 'int8', window: Float32Array, budgetMs: number): Promise<Footprint['latencyUs']> {
  const t = await timeBatchOne({ precision, spec, onnx }, 'onnxruntime-node', window, budgetMs);
  return t && { p50: t.p50Us, p99: t.p99Us, runtime: 'onnxruntime-node', runs: t.runs };
}
