/**
 * @module `trainer:distill`: flags → config → data → cross-validated experiment → report.json,
 * report.md, report.html, final nets and the ONNX artifact, all published at once.
 */
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import {
  resolveExperimentConfig,
  runExperiment,
  studentView,
  type DataSource,
  type ExperimentConfig,
  type ExperimentReport,
  type SchedulerFactory,
  type ViewDatasets,
} from '@painkd/distill';
import { finishExperiment, queueScheduler, readExperiment } from '@painkd/distill/queue';
import { describeAdapter } from '@painkd/models';
import { parseCliArgs, type CliOptions } from './parse-args.js';
import { repoRoot, userPath } from './paths.js';
import { USAGE } from './usage.js';
import { biovidDataset } from '../data/biovid-dataset.js';
import { datasetIdentity } from '../data/queue-dataset.js';
import { syntheticDataset } from '../data/synthetic-dataset.js';
import { usedViews } from '../data/used-views.js';
import { exitCodeOf, TrainerError } from '../errors.js';
import { stageDir, type StagingDir } from '../output/staging-dir.js';
import { writeOutputs } from '../output/write-outputs.js';
import { createProgressView, type ProgressStream, type ProgressView } from '../progress/progress-view.js';

/** Streams the CLI writes to. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: ProgressStream;
}

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
    const resumed = cli.queue && cli.resume ? await readExperiment(cli.queue, cli.resume) : undefined;
    if (resumed?.spec.dataset.source === 'biovid' && !cli.data) throw new TrainerError('CLI_BAD_FLAG', `--resume ${cli.resume}: the experiment reads BioVid data; give its folder with --data`);
    const config = resumed ? resumed.spec.config : await loadConfig(cli);
    const preprocess = studentView(config).preprocess;
    const root = repoRoot();
    const out = cli.out ? userPath(cli.out) : join(root, 'artifacts');
    staging = await stageDir(out);
    view = createProgressView(io.stderr);
    const { views, source } = await loadData(cli, config, root, view);
    throwIfAborted(controller.signal);
    for (const [name, data] of Object.entries(views)) {
      view.note(`data: ${source.source} ${name} view — ${data.subjects.length} subjects, ${data.labels.length} windows of ${data.length} samples × ${data.channels} channel(s)`);
    }
    let experiment: string | undefined;
    const scheduler: SchedulerFactory | undefined = cli.queue
      ? queueScheduler({
          url: cli.queue,
          ...(cli.resume ? { resume: cli.resume } : {}),
          dataset: datasetIdentity(config, views, source.source),
          source,
          onExperiment: (id, again) => {
            experiment = id;
            view!.note(`${again ? 'resumed' : 'queued'} experiment ${id} on ${cli.queue} (after a stop: --queue ${cli.queue} --resume ${id}); workers: npx nx run trainer:worker -- --queue ${cli.queue}`);
          },
        })
      : undefined;
    const outcome = await runExperiment({
      views,
      source,
      config,
      ...(scheduler ? { scheduler } : {}),
      signal: controller.signal,
      onRuntime: (r) => view!.note(`training on ${runtimeName(r)} with ${r.workers} worker(s)`),
      onProgress: (p) => view!.update(p),
    });
    view.close();
    throwIfAborted(controller.signal);
    const runtime = outcome.report.runtime;
    io.stderr.write(`trained on ${runtime ? runtimeName(runtime) : 'an unknown backend'} with ${runtime?.workers} worker(s) in ${seconds(outcome.report.wallMs)}; writing outputs…\n`);
    const report = await writeOutputs(staging.path, outcome, config, preprocess, () => throwIfAborted(controller.signal));
    throwIfAborted(controller.signal);
    await staging.commit();
    if (cli.queue && experiment) {
      const id = experiment;
      await finishExperiment(cli.queue, id).catch((error: unknown) =>
        io.stderr.write(`warning: outputs written, but experiment ${id} could not be closed in Redis (${error instanceof Error ? error.message : String(error)}); --resume ${id} writes the outputs again and closes it\n`),
      );
    }
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

async function loadData(cli: CliOptions, config: ExperimentConfig, root: string, view: ProgressView): Promise<{ views: ViewDatasets; source: DataSource }> {
  const views = usedViews(config);
  if (cli.data) {
    const dir = userPath(cli.data);
    view.note(`reading BioVid recordings under ${dir}…`);
    return { views: await biovidDataset(dir, views, config.synthetic.seed), source: { source: 'biovid', root: dir } };
  }
  const { subjects, windowsPerClass, seed } = config.synthetic;
  let lastNote = 0;
  const result = await syntheticDataset({
    cacheDir: join(root, '.cache', 'painkd'),
    subjects,
    windowsPerClass,
    seed,
    views,
    onProgress: (done, total) => {
      if (done === total || performance.now() - lastNote > 5000) {
        lastNote = performance.now();
        view.note(`generating the synthetic cohort (first use, cached afterwards): ${done}/${total} windows`);
      }
    },
  });
  const paths = Object.values(result.paths).map((p) => relativeTo(root, p));
  return { views: result.views, source: { source: 'synthetic', root: paths.join(', ') } };
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
  lines.push(`wrote ${out}/{report.json,report.md,report.html${report.finalModels ? ',manifest.json,*.onnx,*.tflite,student_int8.{h,cc},latency.json,nets/' : ''}}`, '');
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
