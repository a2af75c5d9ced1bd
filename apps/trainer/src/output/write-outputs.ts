/**
 * @module Everything `trainer:distill` writes after training, into the staging folder: the
 * per-fold fp32-vs-int8 rows (ONNX and TFLite), the final nets, the artifact (ONNX, TFLite,
 * microcontroller source, manifest), a brief latency measurement of that artifact, and
 * report.json / report.md / report.html.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { experimentConfigHash, renderReportMarkdown, studentView, type ExperimentConfig, type ExperimentOutcome, type ExperimentReport } from '@painkd/distill';
import { writeArtifact } from '@painkd/models';
import type { PreprocessConfig } from '@painkd/signals';
import { writeReportHtml } from '../report-html/index.js';
import { artifactMetrics } from './artifact-metrics.js';
import { measureArtifactLatency } from './artifact-latency.js';
import { measureFootprints, type FootprintOptions } from './footprints.js';
import { quantizationRows } from './quantization-rows.js';
import { sampleIndices } from './sample-indices.js';
import { saveNet } from './save-net.js';

/** Windows used to calibrate int8 activations and to check fp32/int8 agreement. */
const CALIBRATION_WINDOWS = 512;

/** Windows that calibrate each size's int8 export for its footprint (file size and latency only). */
const FOOTPRINT_WINDOWS = 128;

/** Name of the run's own latency measurement inside the output folder. */
export const LATENCY_FILE = 'latency.json';

/**
 * Writes every output of a finished experiment into `dir` and returns the final report.
 *
 * @example
 * const report = await writeOutputs(staging.path, outcome, config, preprocess, () => throwIfAborted(signal));
 */
export async function writeOutputs(
  dir: string,
  outcome: ExperimentOutcome,
  config: ExperimentConfig,
  preprocess: PreprocessConfig,
  throwIfAborted: () => void,
): Promise<ExperimentReport> {
  const { data } = outcome;
  const view = studentView(config);
  const per = data.length * data.channels;
  const windowOf = (i: number): Float32Array => data.x.slice(i * per, (i + 1) * per);
  const quantization = await quantizationRows(outcome, { calibrationWindows: CALIBRATION_WINDOWS, seed: config.seed, throwIfAborted });
  let report: ExperimentReport = { ...outcome.report, ...(quantization.length > 0 ? { quantization } : {}) };
  let latencyPath: string | undefined;
  let teacherFootprint: FootprintOptions['teacher'];
  const final = outcome.final;
  if (final) {
    const nets = join(dir, 'nets');
    await mkdir(nets, { recursive: true });
    const teacherFiles = await saveNet(nets, 'teacher', final.teacher.spec, final.teacher.weights);
    const studentFiles = await saveNet(nets, 'student', final.student.spec, final.student.weights);
    const info = (id: string, net: typeof final.teacher, files: readonly string[]) => ({
      id,
      arch: net.spec.arch,
      params: net.params,
      epochsRun: net.outcome.epochsRun,
      bestEpoch: net.outcome.bestEpoch,
      trainMs: net.outcome.trainMs,
      files: files.map((f) => `nets/${f}`),
    });
    report = {
      ...report,
      finalModels: {
        trainSubjects: final.trainSubjects,
        valSubjects: final.valSubjects,
        teacher: info('teacher', final.teacher, teacherFiles),
        student: info(final.student.id, final.student, studentFiles),
      },
    };
    throwIfAborted();
    const all = Int32Array.from({ length: data.labels.length }, (_, i) => i);
    const calibrationWindows = sampleIndices(all, CALIBRATION_WINDOWS, config.seed).map(windowOf);
    const written = await writeArtifact(dir, {
      student: final.student,
      teacher: final.teacher,
      calibrationWindows,
      preprocess,
      classLabels: report.classLabels,
      metrics: artifactMetrics(quantization),
      task: config.task,
      channels: view.channels.map((c) => c.source),
      ...(report.runtime ? { training: report.runtime } : {}),
      experiment: { name: config.name, preset: config.preset, profile: config.profile, configHash: experimentConfigHash(config), studentView: { ...view } },
    });
    throwIfAborted();
    const latency = await measureArtifactLatency(written, { teacher: final.teacher, student: final.student }, calibrationWindows[0]!);
    latencyPath = join(dir, LATENCY_FILE);
    await writeFile(latencyPath, JSON.stringify(latency, null, 2) + '\n');
    const timed = latency.rows.find((r) => r.model === 'teacher' && r.runtime === 'onnxruntime-node');
    teacherFootprint = {
      spec: final.teacher.spec,
      onnx: written.files['teacher-fp32']!,
      ...(timed ? { latencyUs: { p50: timed.p50Us, p99: timed.p99Us, runtime: timed.runtime, runs: timed.runs } } : {}),
    };
  }
  throwIfAborted();
  const calibration = sampleIndices(Int32Array.from({ length: data.labels.length }, (_, i) => i), FOOTPRINT_WINDOWS, config.seed).map(windowOf);
  const footprints = await measureFootprints(config, { inputLength: data.length, channels: data.channels, classes: data.classes }, {
    windows: calibration,
    ...(teacherFootprint ? { teacher: teacherFootprint } : {}),
  });
  report = { ...report, footprints };
  await writeFile(join(dir, 'report.json'), JSON.stringify(report, null, 2) + '\n');
  await writeFile(join(dir, 'report.md'), renderReportMarkdown(report));
  await writeReportHtml(report, dir, latencyPath ? { latencyJsonPath: latencyPath } : {});
  return report;
}
