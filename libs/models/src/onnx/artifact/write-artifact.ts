/**
 * @module Writing the deployable artifact: `student.int8.onnx`, `student.fp32.onnx`,
 * `teacher.fp32.onnx` and `manifest.json` (validated against @painkd/runtime's schema before it is
 * written). Files are written into a temporary folder first. A new folder appears with one rename
 * (fully atomic); into an existing folder (which may hold the run's report) the models are renamed
 * in first and the manifest last, so an interrupted write leaves either the old manifest, whose
 * hashes then refuse the new models at load, or the complete new artifact — never an unverified model.
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
import type { GpuAdapterInfo } from '../../backends/gpu-adapter.js';
import type { NetSpec, NetWeights } from '../../nets/net-spec.js';
import { exportOnnx } from '../export-onnx.js';
import { netStats } from '../net-stats.js';
import { OnnxError } from '../onnx-error.js';
import { PAINKD_VERSION } from '../painkd-version.js';
import { compareModels, type ModelAgreement } from '../quantize/compare-models.js';
import { quantizeOnnx, type QuantizationSummary } from '../quantize/quantize-onnx.js';
import { meanQuantizationRows, type QuantizationRow } from './evaluate-quantization.js';

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
  /** Cross-validated fp32/int8 student scores per fold (from {@link evaluateQuantization}); default none. */
  readonly metrics?: readonly QuantizationRow[];
  /** Windows on which fp32 and int8 agreement is measured for the manifest (default: the calibration windows). */
  readonly evaluation?: readonly Float32Array[];
  /** Input channel names (default `['gsr']`). */
  readonly channels?: readonly string[];
  readonly task?: 'multiclass' | 'binary';
  /** Where the nets were trained (the tfjs backend and its GPU adapter), recorded in the manifest. */
  readonly training?: { readonly backend: string; readonly adapter?: GpuAdapterInfo };
  /**
   * Calibration: `minmax`, `percentile` (at `percentile`, default 99.99) or `best` (default: both,
   * keeping the one whose int8 logits agree better with fp32 on the calibration windows).
   */
  readonly calibration?: { readonly method?: 'minmax' | 'percentile' | 'best'; readonly percentile?: number };
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
}

/**
 * Exports, quantises and writes an artifact folder.
 *
 * @example
 * ```ts
 * const { manifest } = await writeArtifact('artifacts', {
 *   student: { spec: student.spec, weights: student.getWeights() },
 *   teacher: { spec: teacher.spec, weights: teacher.getWeights() },
 *   calibrationWindows, preprocess, classLabels: ['BL1', 'PA1', 'PA2', 'PA3', 'PA4'], metrics: rows,
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
  const method = options.calibration?.method ?? 'best';
  const candidates = method === 'best' ? (['minmax', 'percentile'] as const) : [method];
  let best: { model: Uint8Array; summary: QuantizationSummary; agreement: ModelAgreement } | null = null;
  for (const m of candidates) {
    const q = await quantizeOnnx(studentFp32, options.calibrationWindows, { method: m, percentile: options.calibration?.percentile ?? 99.99, runtime });
    const agreement = await compareModels(studentFp32, q.model, options.calibrationWindows, { runtime });
    if (!best || agreement.argmaxAgreement > best.agreement.argmaxAgreement || (agreement.argmaxAgreement === best.agreement.argmaxAgreement && agreement.meanAbsLogitDiff < best.agreement.meanAbsLogitDiff)) {
      best = { ...q, agreement };
    }
  }
  const { model: studentInt8, summary } = best!;
  const agreement = options.evaluation ? await compareModels(studentFp32, studentInt8, options.evaluation, { runtime }) : best!.agreement;

  const files: Record<ArtifactRole, Uint8Array> = { 'student-int8': studentInt8, 'student-fp32': studentFp32, 'teacher-fp32': teacherFp32 };
  const rows = options.metrics ?? [];
  const manifestInput: ArtifactManifestInput = {
    schemaVersion: 1,
    painkdVersion: PAINKD_VERSION,
    createdAt: (options.createdAt ?? new Date()).toISOString(),
    model: { arch: student.spec.arch, config: { ...student.spec.config }, params: netStats(student.spec).params, classes: student.spec.classes },
    teacher: { arch: teacher.spec.arch, config: { ...teacher.spec.config }, params: netStats(teacher.spec).params },
    ...(options.task ? { task: options.task } : {}),
    ...(options.training ? { training: { backend: options.training.backend, ...(options.training.adapter ? { adapter: { ...options.training.adapter } } : {}) } } : {}),
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
    },
    metrics: { folds: rows.map((r) => ({ ...r })), ...(rows.length > 0 ? { mean: meanQuantizationRows(rows) } : {}) },
    files: await Promise.all(
      (Object.keys(files) as ArtifactRole[]).map(async (role) => ({ role, path: artifactFileNames[role], sha256: await sha256Hex(files[role]), bytes: files[role].length })),
    ),
  };
  const parsed = manifestSchema.safeParse(manifestInput);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new OnnxError('ONNX_BAD_OPTIONS', `the manifest would be invalid at ${issue.path.join('.')}: ${issue.message}`);
  }
  await writeAtomically(outDir, files, JSON.stringify(manifestInput, null, 2) + '\n');
  return { dir: outDir, manifest: parsed.data, quantization: summary, agreement };
}

async function writeAtomically(outDir: string, files: Record<ArtifactRole, Uint8Array>, manifest: string): Promise<void> {
  const fail = (error: unknown): OnnxError =>
    new OnnxError('ARTIFACT_WRITE_FAILED', `cannot write the artifact to ${outDir}: ${error instanceof Error ? error.message : String(error)}`);
  const exists = await stat(outDir).then(
    (s) => {
      if (!s.isDirectory()) throw fail(new Error('it exists and is not a folder'));
      return true;
    },
    () => false,
  );
  const parent = exists ? outDir : dirname(outDir);
  let tmp = '';
  try {
    await mkdir(parent, { recursive: true });
    tmp = await mkdtemp(join(parent, `.${basename(outDir)}.tmp-`));
    for (const role of Object.keys(files) as ArtifactRole[]) await writeFile(join(tmp, artifactFileNames[role]), files[role]);
    await writeFile(join(tmp, MANIFEST_FILE), manifest);
    if (!exists) {
      await rename(tmp, outDir);
      return;
    }
    for (const role of Object.keys(files) as ArtifactRole[]) await rename(join(tmp, artifactFileNames[role]), join(outDir, artifactFileNames[role]));
    await rename(join(tmp, MANIFEST_FILE), join(outDir, MANIFEST_FILE));
  } catch (error) {
    throw fail(error);
  } finally {
    if (tmp) await rm(tmp, { recursive: true, force: true });
  }
}
