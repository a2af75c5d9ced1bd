/**
 * @module The experiment runner: folds → teacher and students per fold (in parallel workers when
 * there are cores) → final models → the `ExperimentReport`.
 */
import { availableParallelism } from 'node:os';
import { initBackend, PAINKD_VERSION, type BackendName } from '@painkd/models';
import { CLASS_LABELS } from '@painkd/signals';
import { finalStudentId, trainingFor, type ExperimentConfig } from './experiment-config.js';
import type { FinalJobResult, FoldJob, FoldJobResult, TrainedNet } from './fold-job.js';
import { inThreadExecutor, workerPoolExecutor, type JobExecutor } from './job-executor.js';
import { ProgressTracker, type ExperimentProgress, type JobPlan } from './progress-tracker.js';
import type { ExampleTrace, ExperimentReport, FoldResult, MethodResult, RuntimeInfo } from './report-types.js';
import { finalSplit, makeFolds } from '../cv/make-folds.js';
import { selectClasses, validateDataset, type WindowDataset } from '../data/window-dataset.js';
import { DistillError } from '../errors.js';
import { BINARY_TASK } from '../metrics/binary-task.js';
import { summarizeFolds } from '../metrics/fold-summary.js';

/** Where the windows came from (goes into the report). */
export interface DataSource {
  readonly source: 'synthetic' | 'biovid';
  /** Folder (BioVid) or cache file (synthetic). */
  readonly root: string;
  /** Model input rate of the windows, Hz. */
  readonly sampleRate: number;
}

/** Inputs of {@link runExperiment}. */
export interface RunExperimentOptions {
  /** All preprocessed windows, 5 classes (the binary task selects BL1/PA4 itself). */
  readonly data: WindowDataset;
  readonly source: DataSource;
  readonly config: ExperimentConfig;
  readonly onProgress?: (progress: ExperimentProgress) => void;
  /** Called once the backend is chosen, before training starts (backend, workers, GPU adapter). */
  readonly onRuntime?: (runtime: RuntimeInfo) => void;
  readonly signal?: AbortSignal;
}

/** A fold's copy of the final student's method, with the windows that evaluate it. */
export interface FoldStudent {
  readonly fold: number;
  readonly net: TrainedNet;
  /** Window indices (into the task dataset) of the fold's training and test windows. */
  readonly train: Int32Array;
  readonly test: Int32Array;
}

/** What a run produced besides its report. */
export interface ExperimentOutcome {
  readonly report: ExperimentReport;
  /** The task dataset the folds index (the input, or its BL1/PA4 subset for the binary task). */
  readonly data: WindowDataset;
  readonly final?: FinalJobResult;
  /** The final student's method on every fold (for fp32-vs-int8 rows). */
  readonly foldStudents: readonly FoldStudent[];
}

/**
 * Runs the whole experiment. Folds come from `makeFolds` (every one passes
 * `assertNoSubjectLeak` before training), every method sees the same folds, and fold jobs run on
 * `config.workers` worker threads (`auto`: one per core, at most one per job, but one on a
 * software GPU; 1 = this thread); on webgpu each worker opens its own device.
 * After CV, the teacher and the `final.student` run are trained once more on every subject but a
 * validation split (`finalSplit`); with `final.student = best` this waits for the CV results,
 * otherwise it runs alongside the folds.
 *
 * @example
 * const { report, final } = await runExperiment({ data, source, config, onProgress });
 */
export async function runExperiment(options: RunExperimentOptions): Promise<ExperimentOutcome> {
  const started = performance.now();
  const { config } = options;
  const data = validateDataset(config.task === 'binary' ? selectClasses(options.data, [BINARY_TASK.negative, BINARY_TASK.positive]) : options.data);
  const folds = makeFolds(data, { scheme: config.cv.scheme, folds: config.cv.folds, seed: config.seed, valFraction: config.cv.valFraction });
  const knownFinal = config.final.enabled ? finalStudentId(config) : undefined;
  const jobs: FoldJob[] = folds.map((fold) => ({ kind: 'fold', fold, ...(knownFinal ? { keepStudent: knownFinal } : {}) }));
  const split = config.final.enabled ? finalSplit(data, config.cv.valFraction, config.seed) : undefined;
  if (split && knownFinal) jobs.push({ kind: 'final', fold: split, student: knownFinal });

  // Resolve the backend once, here; workers then start the resolved one. On a hardware GPU each
  // worker opens its own device on the adapter (parallel command streams: one JavaScript thread
  // cannot issue small dispatches fast enough to keep a GPU busy); a software GPU already uses
  // every core, so `auto` gives it one worker.
  const backend = await initBackend(config.backend as BackendName);
  const autoWorkers = backend.adapter?.software ? 1 : Math.min(availableParallelism(), jobs.length + (split && !knownFinal ? 1 : 0));
  const workerCount = config.workers === 'auto' ? autoWorkers : config.workers;
  const executor: JobExecutor =
    workerCount > 1
      ? await workerPoolExecutor(data, config, backend.name, workerCount, options.signal)
      : await inThreadExecutor(data, config, backend.name, options.signal);
  const runtime: RuntimeInfo = { backend: executor.backend, workers: executor.capacity, ...(executor.adapter ? { adapter: executor.adapter } : {}) };
  options.onRuntime?.(runtime);
  const tracker = new ProgressTracker(jobs.map((j) => plan(j, config)), executor.capacity, folds.length);
  const run = async (job: FoldJob): Promise<FoldJobResult | FinalJobResult> => {
    const result = await executor.run(job, (p) => options.onProgress?.(tracker.update(p)));
    tracker.finish(job.kind === 'final' ? -1 : job.fold.index);
    return result;
  };

  try {
    const results = await Promise.all(jobs.map(run));
    const foldResults = results.filter((r): r is FoldJobResult => r.kind === 'fold');
    let final = results.find((r): r is FinalJobResult => r.kind === 'final');
    const methods = assembleMethods(foldResults, config);
    if (split && !knownFinal) {
      const best = bestStudent(methods);
      const job: FoldJob = { kind: 'final', fold: split, student: best };
      tracker.add(plan(job, config));
      final = (await run(job)) as FinalJobResult;
    }
    const report: ExperimentReport = {
      schemaVersion: 1,
      painkdVersion: PAINKD_VERSION,
      createdAt: new Date().toISOString(),
      config: config as unknown as Record<string, unknown>,
      data: {
        source: options.source.source,
        root: options.source.root,
        subjects: data.subjects.length,
        windowsPerClass: countPerClass(data),
        sampleRate: options.source.sampleRate,
        windowSamples: data.length,
        examples: exampleTraces(data, options.source.sampleRate, classLabels(config)),
        classMeans: classMeanTraces(data, options.source.sampleRate, classLabels(config)),
      },
      cv: { scheme: config.cv.scheme, folds: folds.length, seed: config.seed },
      task: config.task,
      classLabels: classLabels(config),
      methods,
      runtime,
      wallMs: performance.now() - started,
    };
    const foldStudents: FoldStudent[] = foldResults.flatMap((r) =>
      r.student ? [{ fold: r.fold, net: r.student, train: folds[r.fold].train, test: folds[r.fold].test }] : [],
    );
    return { report, data, ...(final ? { final } : {}), foldStudents };
  } finally {
    await executor.close();
  }
}

function plan(job: FoldJob, config: ExperimentConfig): JobPlan {
  const n = job.fold.train.length;
  const batches = (training: ReturnType<typeof trainingFor>): number => training.epochs * Math.ceil(n / training.batchSize);
  const runs = job.kind === 'final' ? config.runs.filter((r) => r.id === job.student) : config.runs;
  return {
    job: job.kind === 'final' ? -1 : job.fold.index,
    methods: [{ method: 'teacher', batches: batches(trainingFor(config)) }, ...runs.map((r) => ({ method: r.id, batches: batches(trainingFor(config, r)) }))],
  };
}

function assembleMethods(results: readonly FoldJobResult[], config: ExperimentConfig): MethodResult[] {
  const sorted = [...results].sort((a, b) => a.fold - b.fold);
  const ids = ['teacher', ...config.runs.map((r) => r.id)];
  return ids.map((id) => {
    const entries = sorted.map((r) => {
      const entry = r.results.find((e) => e.id === id);
      if (!entry) throw new DistillError('EXPERIMENT_ABORTED', `fold ${r.fold} has no result for ${id}`);
      return entry;
    });
    const folds: FoldResult[] = entries.map((e) => e.result);
    const run = config.runs.find((r) => r.id === id);
    const hyper = run
      ? { loss: run.loss, training: trainingFor(config, run), net: run.net ?? config.student }
      : { loss: { ce: 1 }, training: trainingFor(config), net: config.teacher.net };
    return {
      id,
      role: id === 'teacher' ? 'teacher' : 'student',
      arch: entries[0].arch,
      params: entries[0].params,
      hyper,
      folds,
      summary: summarizeFolds(folds),
      trainMs: folds.reduce((a, f) => a + f.trainMs, 0),
    };
  });
}

/** The student run with the highest mean macro-F1 (ties: higher accuracy, then config order). */
function bestStudent(methods: readonly MethodResult[]): string {
  const students = methods.filter((m) => m.role === 'student');
  let best = students[0];
  for (const m of students) {
    const a = m.summary;
    const b = best.summary;
    if (a.macroF1.mean > b.macroF1.mean || (a.macroF1.mean === b.macroF1.mean && a.accuracy.mean > b.accuracy.mean)) best = m;
  }
  return best.id;
}

function classLabels(config: ExperimentConfig): string[] {
  return config.task === 'binary' ? [CLASS_LABELS[BINARY_TASK.negative], CLASS_LABELS[BINARY_TASK.positive]] : [...CLASS_LABELS];
}

function countPerClass(data: WindowDataset): number[] {
  const counts = new Array<number>(data.classes).fill(0);
  for (const y of data.labels) counts[y]++;
  return counts;
}

/** The first window of each class of the first subject that has one (channel 0), for the report. */
function classMeanTraces(data: WindowDataset, sampleRate: number, labels: readonly string[]): ExampleTrace[] {
  const size = data.length * data.channels;
  const sums = Array.from({ length: data.classes }, () => new Float64Array(data.length));
  const counts = new Array<number>(data.classes).fill(0);
  data.labels.forEach((c, i) => {
    counts[c]!++;
    for (let t = 0; t < data.length; t++) sums[c]![t]! += data.x[i * size + t * data.channels]!;
  });
  return sums.flatMap((sum, c) =>
    counts[c]! === 0
      ? []
      : [{ classIndex: c, label: labels[c]!, subject: 'all', sampleRate, samples: Array.from(sum, (v) => Number((v / counts[c]!).toFixed(5))) }],
  );
}

function exampleTraces(data: WindowDataset, sampleRate: number, labels: readonly string[]): ExampleTrace[] {
  const traces: ExampleTrace[] = [];
  const size = data.length * data.channels;
  for (let c = 0; c < data.classes; c++) {
    const w = data.labels.findIndex((y, i) => y === c && data.subjectOf[i] === data.subjectOf[0]);
    const i = w >= 0 ? w : data.labels.indexOf(c);
    if (i < 0) continue;
    const samples: number[] = [];
    for (let t = 0; t < data.length; t++) samples.push(Number(data.x[i * size + t * data.channels].toFixed(5)));
    traces.push({ classIndex: c, label: labels[c], subject: data.subjects[data.subjectOf[i]], sampleRate, samples });
  }
  return traces;
}

