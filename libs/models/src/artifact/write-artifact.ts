/**
 * @module Writing the deployable artifact: the ONNX models (`student.int8.onnx`,
 * `student.fp32.onnx`, `teacher.fp32.onnx`), the TFLite student (`student.int8.tflite` with float
 * I/O, `student.fp32.tflite`), the int8-I/O TFLite student as TensorFlow Lite Micro source
 * (`student_int8.h`, `student_int8.cc`), and `manifest.json` (validated against
 * @painkd/runtime's schema before it is written, every file with its sha256). One calibration,
 * picked by `chooseCalibration`, serves both int8 formats. Files are written into a temporary
 * folder first. A new folder appears with one rename (fully atomic); into an existing folder
 * (which may hold the run's report) the models are renamed in first and the manifest last, so an
 * interrupted write leaves either the old manifest, whose hashes then refuse the new models at
 * load, or the complete new artifact — never an unverified model.
 */
import { mkdir, mkdtemp, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import {
  artifactFileNames,
  MANIFEST_FILE,
  manifestSchema,
  sha256Hex,
  type ArtifactManifest,
  type ArtifactManifestInput,
  type ArtifactRole,
  type RuntimeName,
} from '@painkd/runtime';
import type { PreprocessConfig } from '@painkd/signals';
import type { GpuAdapterInfo } from '../backends/gpu-adapter.js';
import type { NetSpec, NetWeights } from '../nets/net-spec.js';
import { exportOnnx } from '../onnx/export-onnx.js';
import { netStats } from '../onnx/net-stats.js';
import { OnnxError } from '../onnx/onnx-error.js';
import { PAINKD_VERSION } from '../onnx/painkd-version.js';
import { chooseCalibration, type ChooseCalibrationOptions } from '../onnx/quantize/choose-calibration.js';
import { logitAgreement, predictLogits, type ModelAgreement } from '../onnx/quantize/compare-models.js';
import type { QuantizationSummary } from '../onnx/quantize/quantize-onnx.js';
import { exportTflite } from '../tflite/export-tflite.js';
import { microSource } from '../tflite/micro-source.js';
import { quantizeTflite } from '../tflite/quantize-tflite.js';
import { tfliteLogits } from '../tflite/runtimes/tflite-logits.js';
import type { TfliteRuntimeName } from '../tflite/runtimes/tflite-session.js';
import { readTflite } from '../tflite/tflite-reader.js';

/** A net to export. */
export interface ArtifactNet {
  readonly spec: NetSpec;
  readonly weights: NetWeights;
}

/** Inputs of {@link writeArtifact}. */
export interface WriteArtifactOptions {
  readonly student: ArtifactNet;
  readonly teacher: ArtifactNet;
  /** Training windows (each `length × channels`) for int8 activation calibration (a few hundred suffice). */
  readonly calibrationWindows: readonly Float32Array[];
  readonly preprocess: PreprocessConfig;
  readonly classLabels: readonly string[];
  /** Cross-validated scores, already computed (folds, means, int8 − fp32 per format); default none. */
  readonly metrics?: ArtifactManifestInput['metrics'];
  /** Windows on which fp32 and int8 agreement is measured for the manifest (default: the calibration windows). */
  readonly evaluation?: readonly Float32Array[];
  /** Input channel names (default `['gsr']`). */
  readonly channels?: readonly string[];
  readonly task?: 'multiclass' | 'binary';
  /** Where the nets were trained (the tfjs backend and its GPU adapter), recorded in the manifest. */
  readonly training?: { readonly backend: string; readonly adapter?: GpuAdapterInfo };
  /** The experiment the nets came from (name, preset, profile, config hash, the students' input view), recorded in the manifest. */
  readonly experiment?: ArtifactManifestInput['experiment'];
  /**
   * Calibration: `minmax`, `percentile` (at `percentile`, default 99.99) or `best` (default: both,
   * keeping the one whose int8 logits agree better with fp32 on the calibration windows).
   */
  readonly calibration?: Pick<ChooseCalibrationOptions, 'method' | 'percentile'>;
  /** Write the TFLite files and the microcontroller source (default true), measuring agreement in this runtime (default `litert`). */
  readonly tflite?: TfliteRuntimeName | false;
  readonly opset?: number;
  readonly runtime?: RuntimeName | 'auto';
  /** Creation time (default now). */
  readonly createdAt?: Date;
}

/** What {@link writeArtifact} wrote. */
export interface WrittenArtifact {
  readonly dir: string;
  readonly manifest: ArtifactManifest;
  readonly quantization: QuantizationSummary;
  readonly agreement: ModelAgreement;
  /** Bytes of every file written, by role. */
  readonly files: Readonly<Partial<Record<ArtifactRole, Uint8Array>>>;
}

/**
 * Exports, quantises and writes an artifact folder.
 *
 * @example
 * ```ts
 * const { manifest } = await writeArtifact('artifacts', {
 *   student: { spec: student.spec, weights: student.getWeights() },
 *   teacher: { spec: teacher.spec, weights: teacher.getWeights() },
 *   calibrationWindows, preprocess, classLabels: ['BL1', 'PA1', 'PA2', 'PA3', 'PA4'], metrics,
 * });
 * ```
 */
export async function writeArtifact(outDir: string, options: WriteArtifactOptions): Promise<WrittenArtifact> {
  const { student, teacher, preprocess } = options;
  const channels = options.channels ?? ['gsr'];
  if (student.spec.input.length !== preprocess.windowSamples || student.spec.input.channels !== channels.length) {
    throw new OnnxError('ONNX_BAD_OPTIONS', `the student takes [${student.spec.input.length}, ${student.spec.input.channels}] windows, preprocessing gives [${preprocess.windowSamples}, ${channels.length}]`);
  }
  const opset = options.opset ?? 17;
  const runtime = options.runtime ?? 'auto';
  const outputs = ['logits', 'probabilities'] as const;
  const studentFp32 = exportOnnx(student.spec, student.weights, { opset, outputs });
  const teacherFp32 = exportOnnx(teacher.spec, teacher.weights, { opset, outputs });
  const chosen = await chooseCalibration(studentFp32, options.calibrationWindows, { ...options.calibration, runtime });
  const evaluation = options.evaluation ?? options.calibrationWindows;
  // fp32 and ONNX int8 logits on the evaluation windows: chooseCalibration's own when those are its windows.
  const [fp32Logits, onnxInt8Logits] = options.evaluation
    ? await Promise.all([predictLogits(studentFp32, evaluation, { runtime }), predictLogits(chosen.model, evaluation, { runtime })])
    : [chosen.logits.fp32, chosen.logits.int8];
  const agreement = logitAgreement(fp32Logits, onnxInt8Logits, evaluation.length);
  const files: Partial<Record<ArtifactRole, Uint8Array>> = { 'student-int8': chosen.model, 'student-fp32': studentFp32, 'teacher-fp32': teacherFp32 };
  let tflite: NonNullable<ArtifactManifestInput['quantization']['tflite']> | undefined;
  const tfliteRuntime = options.tflite ?? 'litert';
  if (tfliteRuntime !== false) {
    const int8 = await quantizeTflite(student.spec, student.weights, studentFp32, options.calibrationWindows, chosen.calibration, { runtime });
    const micro = microSource(int8.int8Io, 'student_int8');
    const encoder = new TextEncoder();
    Object.assign(files, {
      'student-int8-tflite': int8.floatIo,
      'student-fp32-tflite': exportTflite(student.spec, student.weights),
      'student-int8-micro-header': encoder.encode(micro.header),
      'student-int8-micro-source': encoder.encode(micro.source),
    });
    const logits = await tfliteLogits(int8.floatIo, evaluation, tfliteRuntime);
    const g = readTflite(int8.int8Io);
    const io = (i: number): { scale: number; zeroPoint: number } => ({ scale: g.tensors[i]!.quantization!.scale[0]!, zeroPoint: g.tensors[i]!.quantization!.zeroPoint[0]! });
    const brief = (a: ModelAgreement): Omit<ModelAgreement, 'meanAbsLogitDiff'> => ({ maxAbsLogitDiff: a.maxAbsLogitDiff, argmaxAgreement: a.argmaxAgreement, windows: a.windows });
    tflite = {
      format: 'TFLite',
      weights: 'int8-symmetric-per-channel',
      activations: 'int8-asymmetric-per-tensor',
      bias: 'int32',
      io: 'float',
      micro: { io: 'int8', input: io(g.inputs[0]!), output: io(g.outputs[0]!), arenaBytes: micro.arenaBytes },
      runtime: tfliteRuntime,
      agreement: { vsFp32: brief(logitAgreement(fp32Logits, logits, evaluation.length)), vsOnnxInt8: brief(logitAgreement(onnxInt8Logits, logits, evaluation.length)) },
    };
  }
  const { summary } = chosen;
  const manifestInput: ArtifactManifestInput = {
    schemaVersion: 1,
    painkdVersion: PAINKD_VERSION,
    createdAt: (options.createdAt ?? new Date()).toISOString(),
    model: { arch: student.spec.arch, config: { ...student.spec.config }, params: netStats(student.spec).params, classes: student.spec.classes },
    teacher: { arch: teacher.spec.arch, config: { ...teacher.spec.config }, params: netStats(teacher.spec).params },
    ...(options.task ? { task: options.task } : {}),
    ...(options.training ? { training: { backend: options.training.backend, ...(options.training.adapter ? { adapter: { ...options.training.adapter } } : {}) } } : {}),
    ...(options.experiment ? { experiment: options.experiment } : {}),
    input: { sampleRate: preprocess.sampleRate, windowSeconds: preprocess.windowSeconds, windowSamples: preprocess.windowSamples, channels: [...channels] },
    preprocess,
    classLabels: [...options.classLabels],
    quantization: {
      format: summary.format,
      weights: summary.weights,
      activations: summary.activations,
      bias: summary.bias,
      opset: summary.opset,
      calibration: summary.calibration,
      agreement: { maxAbsLogitDiff: agreement.maxAbsLogitDiff, argmaxAgreement: agreement.argmaxAgreement, windows: agreement.windows },
      ...(tflite ? { tflite } : {}),
    },
    metrics: options.metrics ?? { folds: [] },
    files: await Promise.all(
      (Object.keys(files) as ArtifactRole[]).map(async (role) => ({ role, path: artifactFileNames[role], sha256: await sha256Hex(files[role]!), bytes: files[role]!.length })),
    ),
  };
  const parsed = manifestSchema.safeParse(manifestInput);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new OnnxError('ONNX_BAD_OPTIONS', `the manifest would be invalid at ${issue.path.join('.')}: ${issue.message}`);
  }
  await writeAtomically(outDir, files, JSON.stringify(manifestInput, null, 2) + '\n');
  return { dir: outDir, manifest: parsed.data, quantization: summary, agreement, files };
}

async function writeAtomically(outDir: string, files: Partial<Record<ArtifactRole, Uint8Array>>, manifest: string): Promise<void> {
  const fail = (error: unknown): OnnxError =>
    new OnnxError('ARTIFACT_WRITE_FAILED', `cannot write the artifact to ${outDir}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  const exists = await stat(outDir).then(
    (s) => {
      if (!s.isDirectory()) throw fail(new Error('it exists and is not a folder'));
      return true;
    },
    () => false,
  );
  const parent = exists ? outDir : dirname(outDir);
  const roles = Object.keys(files) as ArtifactRole[];
  let tmp = '';
  try {
    await mkdir(parent, { recursive: true });
    tmp = await mkdtemp(join(parent, `.${basename(outDir)}.tmp-`));
    for (const role of roles) await writeFile(join(tmp, artifactFileNames[role]), files[role]!);
    await writeFile(join(tmp, MANIFEST_FILE), manifest);
    if (!exists) {
      await rename(tmp, outDir);
      return;
    }
    for (const role of roles) await rename(join(tmp, artifactFileNames[role]), join(outDir, artifactFileNames[role]));
    await rename(join(tmp, MANIFEST_FILE), join(outDir, MANIFEST_FILE));
  } catch (error) {
    throw fail(error);
  } finally {
    if (tmp) await rm(tmp, { recursive: true, force: true });
  }
}
