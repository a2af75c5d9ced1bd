/**
 * @module `trainer:distill`: flags → config → data → cross-validated experiment → report.json,
 * report.md, report.html, final nets and the ONNX artifact, all published at once.
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import {
  renderReportMarkdown,
  resolveExperimentConfig,
  resolvePreprocess,
  runExperiment,
  type ExperimentConfig,
  type ExperimentOutcome,
  type ExperimentReport,
  type WindowDataset,
} from '@painkd/distill';
import { describeAdapter, evaluateQuantization, writeArtifact, type QuantizationRow } from '@painkd/models';
import { createRng, type PreprocessConfig } from '@painkd/signals';
import { parseCliArgs, type CliOptions } from './parse-args.js';
import { repoRoot, userPath } from './paths.js';
import { USAGE } from './usage.js';
import { biovidDataset } from '../data/biovid-dataset.js';
import { syntheticDataset } from '../data/synthetic-dataset.js';
import { exitCodeOf, TrainerError } from '../errors.js';
import { saveNet } from '../output/save-net.js';
import { stageDir, type StagingDir } from '../output/staging-dir.js';
import { createProgressView, type ProgressStream, type ProgressView } from '../progress/progress-view.js';
import { writeReportHtml } from '../report-html/index.js';

/** Streams the CLI writes to. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: ProgressStream;
}

/** Windows used to calibrate int8 activations and to check fp32/int8 agreement. */
const CALIBRATION_WINDOWS = 512;

/**
 * Runs the CLI and returns the process exit code (0 ok, 1 failure, 2 bad flag/config/data,
 * 130 interrupted). Ctrl-C aborts training, deletes the partial output folder and exits 130.
 *
 * @example
 * process.exitCode = await runDistillCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
 */
export async function runDistillCli(argv: readonly string[], io: CliIo): Promise<number> {
  const started = performance.now();
  const controller = new AbortController();
  let interrupts = 0;
  const onSigint = (): void => {
    interrupts++;
    if (interrupts > 1) process.exit(130);
    io.stderr.write('\ninterrupted: stopping after the current batch and removing the partial output (Ctrl-C again to force)\n');
    controller.abort();
  };
  process.on('SIGINT', onSigint);
  let staging: StagingDir | undefined;
  let view: ProgressView | undefined;
  try {
    const cli = parseCliArgs(argv);
    if (cli.help) {
      io.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const config = await loadConfig(cli);
    const preprocess = resolvePreprocess(config);
    const root = repoRoot();
    const out = cli.out ? userPath(cli.out) : join(root, 'artifacts');
    staging = await stageDir(out);
    view = createProgressView(io.stderr);
    const { data, source } = await loadData(cli, config, preprocess, root, view);
    throwIfAborted(controller.signal);
    view.note(`data: ${source.source} ${source.root} — ${data.subjects.length} subjects, ${data.labels.length} windows of ${data.length} samples`);
    const outcome = await runExperiment({
      data,
      source,
      config,
      signal: controller.signal,
      onRuntime: (r) => view!.note(`training on ${runtimeName(r)} with ${r.workers} worker(s)`),
      onProgress: (p) => view!.update(p),
    });
    view.close();
    throwIfAborted(controller.signal);
    const runtime = outcome.report.runtime;
    io.stderr.write(`trained on ${runtime ? runtimeName(runtime) : 'an unknown backend'} with ${runtime?.workers} worker(s) in ${seconds(outcome.report.wallMs)}; writing outputs…\n`);
    const report = await writeOutputs(staging.path, outcome, config, preprocess, controller.signal);
    throwIfAborted(controller.signal);
    await staging.commit();
    io.stdout.write(summary(report, out, performance.now() - started));
    return 0;
  } catch (error) {
    view?.close();
    await staging?.discard();
    const aborted = controller.signal.aborted;
    io.stderr.write(`${aborted ? 'interrupted: no output was written' : `error: ${error instanceof Error ? error.message : String(error)}`}\n`);
    if (!aborted && exitCodeOf(error) === 1 && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    return aborted ? 130 : exitCodeOf(error);
  } finally {
    process.off('SIGINT', onSigint);
  }
}

async function loadConfig(cli: CliOptions): Promise<ExperimentConfig> {
  let input: unknown = {};
  if (cli.config) {
    const path = userPath(cli.config);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      throw new TrainerError('CLI_BAD_CONFIG', `--config ${cli.config}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
    try {
      input = JSON.parse(text);
    } catch (error) {
      throw new TrainerError('CLI_BAD_CONFIG', `--config ${cli.config}: not valid JSON (${(error as Error).message})`);
    }
  }
  try {
    return resolveExperimentConfig(input, cli.overrides);
  } catch (error) {
    const where = cli.config ? `--config ${cli.config}: ` : '';
    throw new TrainerError('CLI_BAD_CONFIG', `${where}${(error as Error).message}`, { cause: error });
  }
}

async function loadData(
  cli: CliOptions,
  config: ExperimentConfig,
  preprocess: PreprocessConfig,
  root: string,
  view: ProgressView,
): Promise<{ data: WindowDataset; source: { source: 'synthetic' | 'biovid'; root: string; sampleRate: number } }> {
  if (cli.data) {
    const dir = userPath(cli.data);
    view.note(`reading BioVid recordings under ${dir}…`);
    const data = await biovidDataset(dir, preprocess);
    return { data, source: { source: 'biovid', root: dir, sampleRate: preprocess.sampleRate } };
  }
  const { subjects, windowsPerClass, seed } = config.synthetic;
  let lastNote = 0;
  const result = await syntheticDataset({
    cacheDir: join(root, '.cache', 'painkd'),
    subjects,
    windowsPerClass,
    seed,
    preprocess,
    onProgress: (done, total) => {
      if (done === total || performance.now() - lastNote > 5000) {
        lastNote = performance.now();
        view.note(`generating the synthetic cohort (first use, cached afterwards): ${done}/${total} windows`);
      }
    },
  });
  return { data: result.data, source: { source: 'synthetic', root: relativeTo(root, result.path), sampleRate: preprocess.sampleRate } };
}

async function writeOutputs(dir: string, outcome: ExperimentOutcome, config: ExperimentConfig, preprocess: PreprocessConfig, signal: AbortSignal): Promise<ExperimentReport> {
  const { data } = outcome;
  const windowOf = (i: number): Float32Array => data.x.slice(i * data.length * data.channels, (i + 1) * data.length * data.channels);
  const quantization: QuantizationRow[] = [];
  for (const fs of outcome.foldStudents) {
    throwIfAborted(signal);
    const row = await evaluateQuantization({
      fold: fs.fold,
      student: fs.net,
      calibrationWindows: sample(fs.train, CALIBRATION_WINDOWS, config.seed).map(windowOf),
      testWindows: [...fs.test].map(windowOf),
      labels: [...fs.test].map((i) => data.labels[i]),
    });
    quantization.push(row);
  }
  let report: ExperimentReport = { ...outcome.report, ...(quantization.length > 0 ? { quantization } : {}) };
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
    throwIfAborted(signal);
    const all = Int32Array.from({ length: data.labels.length }, (_, i) => i);
    await writeArtifact(dir, {
      student: final.student,
      teacher: final.teacher,
      calibrationWindows: sample(all, CALIBRATION_WINDOWS, config.seed).map(windowOf),
      preprocess,
      classLabels: report.classLabels,
      metrics: quantization,
      task: config.task,
      ...(report.runtime ? { training: report.runtime } : {}),
    });
  }
  await writeFile(join(dir, 'report.json'), JSON.stringify(report, null, 2) + '\n');
  await writeFile(join(dir, 'report.md'), renderReportMarkdown(report));
  await writeReportHtml(report, dir);
  return report;
}

/** Up to `count` of `indices`, a seeded sample in ascending order. */
function sample(indices: Int32Array, count: number, seed: number): number[] {
  const all = [...indices];
  if (all.length <= count) return all;
  return createRng(seed).shuffle(all).slice(0, count).sort((a, b) => a - b);
}

function summary(report: ExperimentReport, out: string, wallMs: number): string {
  const lines = [`\n${report.task} · ${report.cv.scheme} · ${report.cv.folds} folds · ${report.data.subjects} subjects · wall ${seconds(wallMs)}`];
  const pad = Math.max(...report.methods.map((m) => m.id.length));
  for (const m of report.methods) {
    const s = m.summary;
    lines.push(
      `  ${m.id.padEnd(pad)}  acc ${(100 * s.accuracy.mean).toFixed(1)} ± ${(100 * s.accuracy.sd).toFixed(1)}  macro-F1 ${(100 * s.macroF1.mean).toFixed(1)} ± ${(100 * s.macroF1.sd).toFixed(1)}  MAE ${s.mae.mean.toFixed(3)}  params ${m.params}`,
    );
  }
  lines.push(`wrote ${out}/{report.json,report.md,report.html${report.finalModels ? ',manifest.json,*.onnx,nets/' : ''}}`, '');
  return lines.join('\n');
}

/** `webgpu (nvidia hopper · NVIDIA H100 80GB HBM3)`, or the backend name alone. */
function runtimeName(runtime: NonNullable<ExperimentReport['runtime']>): string {
  return runtime.adapter ? `${runtime.backend} (${describeAdapter(runtime.adapter)})` : runtime.backend;
}

function seconds(ms: number): string {
  return ms >= 60_000 ? `${(ms / 60_000).toFixed(1)} min` : `${(ms / 1000).toFixed(1)} s`;
}

function relativeTo(root: string, path: string): string {
  const r = relative(root, path);
  return r.startsWith('..') ? path : r;
}

function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw new TrainerError('CLI_ABORTED', 'interrupted');
}
