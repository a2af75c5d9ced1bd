/**
 * @module The three models the latency benchmark compares — teacher fp32, student fp32, student
 * int8 — as ONNX and float-I/O `.tflite` bytes plus the net spec the tfjs runner builds. From a
 * trained artifact folder when there is one (its own ONNX and TFLite student files; the teacher's
 * `.tflite` and the tfjs nets are rebuilt from the manifest's arch + config: latency depends on the
 * architecture, not the weight values), else from freshly initialised registered nets.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildNetSpec, createNet, exportOnnx, exportTflite, netStats, quantizeOnnx, quantizeTflite, type LatencyTarget, type NetSpec } from '@painkd/models';
import { loadArtifact, MANIFEST_FILE } from '@painkd/runtime';
import { DEFAULT_PREPROCESS_CONFIG, mulberry32 } from '@painkd/signals';

/** One benchmarked model. */
export interface LatencyModel extends LatencyTarget {
  /** `teacher`, `student`, or `floor`: the smallest net (global pooling + logits), the per-call cost of a runtime. */
  readonly model: 'teacher' | 'student' | 'floor';
  readonly params: number;
  readonly macsPerWindow: number;
}

/** Where the models came from. */
export interface LatencyModelSet {
  readonly source: string;
  readonly models: readonly LatencyModel[];
}

/**
 * Loads the artifact in `artifactDir` if it holds a manifest, else builds fresh default nets.
 *
 * @example
 * ```ts
 * const { source, models } = await loadLatencyModels('artifacts');
 * ```
 */
export async function loadLatencyModels(artifactDir: string): Promise<LatencyModelSet> {
  if (existsSync(join(artifactDir, MANIFEST_FILE))) {
    const artifact = await loadArtifact(artifactDir, { verify: true });
    const m = artifact.manifest;
    const io = { inputLength: m.input.windowSamples, channels: m.input.channels.length, classes: m.model.classes };
    const teacher = buildNetSpec(m.teacher.arch, m.teacher.config, io);
    const student = buildNetSpec(m.model.arch, m.model.config, io);
    const roles = new Set(m.files.map((f) => f.role));
    const tflite = async (role: 'student-int8-tflite' | 'student-fp32-tflite'): Promise<Uint8Array | undefined> => (roles.has(role) ? artifact.readModel(role) : undefined);
    return {
      source: `artifact ${artifactDir} (${m.createdAt})`,
      models: [
        entry('teacher', 'fp32', teacher, await artifact.readModel('teacher-fp32'), seededTflite(teacher, 1)),
        entry('student', 'fp32', student, await artifact.readModel('student-fp32'), await tflite('student-fp32-tflite')),
        entry('student', 'int8', student, await artifact.readModel('student-int8'), await tflite('student-int8-tflite')),
      ],
    };
  }
  const io = { inputLength: DEFAULT_PREPROCESS_CONFIG.windowSamples, channels: 1, classes: 5 };
  const teacher = buildNetSpec('teacher-cnn', {}, io);
  const student = buildNetSpec('student-tiny', {}, io);
  const onnx = (spec: NetSpec, seed: number): Uint8Array => {
    const net = createNet(spec, { seed });
    const bytes = exportOnnx(spec, net.getWeights(), { outputs: ['logits', 'probabilities'] });
    net.dispose();
    return bytes;
  };
  const studentFp32 = onnx(student, 2);
  const windows = calibrationWindows(256, io.inputLength, 3);
  const { model: studentInt8 } = await quantizeOnnx(studentFp32, windows, { method: 'minmax' });
  const net = createNet(student, { seed: 2 });
  const { floatIo } = await quantizeTflite(student, net.getWeights(), studentFp32, windows, { method: 'minmax' });
  net.dispose();
  return {
    source: 'fresh default nets (no artifact found)',
    models: [
      entry('teacher', 'fp32', teacher, onnx(teacher, 1), seededTflite(teacher, 1)),
      entry('student', 'fp32', student, studentFp32, seededTflite(student, 2)),
      entry('student', 'int8', student, studentInt8, floatIo),
    ],
  };
}

/**
 * The floor model: global average pooling then the logits layer (4 ONNX ops, 10 parameters per
 * class) — what a call costs on a runtime when the network does almost nothing.
 *
 * @example
 * ```ts
 * const floor = floorModel(176, 1, 5);
 * ```
 */
export function floorModel(length: number, channels: number, classes: number): LatencyModel {
  const spec: NetSpec = {
    arch: 'floor',
    config: {},
    input: { length, channels },
    classes,
    layers: [
      { kind: 'globalAvgPool1d', name: 'gap' },
      { kind: 'dense', name: 'logits', units: classes, useBias: true },
    ],
  };
  const net = createNet(spec, { seed: 1 });
  const onnx = exportOnnx(spec, net.getWeights());
  const tflite = exportTflite(spec, net.getWeights());
  net.dispose();
  return entry('floor', 'fp32', spec, onnx, tflite);
}

function entry(model: 'teacher' | 'student' | 'floor', precision: 'fp32' | 'int8', spec: NetSpec, onnx: Uint8Array, tflite?: Uint8Array): LatencyModel {
  const stats = netStats(spec);
  return { model, precision, spec, onnx, ...(tflite ? { tflite } : {}), params: stats.params, macsPerWindow: stats.macsPerWindow };
}

/** An fp32 `.tflite` of a spec with seeded weights (latency does not depend on the values). */
function seededTflite(spec: NetSpec, seed: number): Uint8Array {
  const net = createNet(spec, { seed });
  const bytes = exportTflite(spec, net.getWeights());
  net.dispose();
  return bytes;
}

/**
 * Seeded GSR-like windows (drift, one skin-conductance response, noise), z-scored like the
 * default preprocessing, for calibrating fresh nets and as benchmark input.
 *
 * @example
 * ```ts
 * const windows = calibrationWindows(32, 176, 1);
 * ```
 */
export function calibrationWindows(count: number, length: number, seed: number): Float32Array[] {
  const rand = mulberry32(seed);
  return Array.from({ length: count }, () => {
    const w = new Float32Array(length);
    const onset = rand() * length;
    const amp = rand() * 2;
    const drift = rand() - 0.5;
    for (let t = 0; t < length; t++) {
      const dt = t - onset;
      w[t] = drift * (t / length) + (dt > 0 ? amp * (Math.exp(-dt / 50) - Math.exp(-dt / 8)) : 0) + (rand() - 0.5) * 0.05;
    }
    let mean = 0;
    for (const v of w) mean += v / length;
    let sd = 0;
    for (const v of w) sd += ((v - mean) * (v - mean)) / length;
    const scale = 1 / (Math.sqrt(sd) || 1);
    for (let t = 0; t < length; t++) w[t] = (w[t]! - mean) * scale;
    return w;
  });
}
