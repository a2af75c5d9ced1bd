/**
 * @module The experiment runner: folds → teacher and students per fold (in parallel workers when
 * there are cores) → final models → the `ExperimentReport`.
 */
import { availableParallelism } from 'node:os';
import { PAINKD_VERSION } from '@painkd/models';
import { CLASS_LABELS, deriveSeed, type ViewConfig } from '@painkd/signals';
import { compareWithBaseline, testTrainRatio } from './compare-methods.js';
import { finalStudentId, resolveViews, studentRuns, teacherRuns, type ExperimentConfig, type TrainingConfig } from './experiment-config.js';
import { jobNumber, type FinalJobResult, type FoldJob, type FoldJobResult, type TrainedNet, type ViewDatasets } from './fold-job.js';
import { inThreadExecutor, workerPoolExecutor, type JobExecutor } from './job-executor.js';
import { ProgressTracker, type ExperimentProgress, type JobPlan } from './progress-tracker.js';
import type { ExampleTrace, ExperimentReport, FoldResult, MethodResult, ViewSummary } from './report-types.js';
import { finalSplit, makeFolds } from '../cv/make-folds.js';
import { assertAlignedViews, selectClasses, validateDataset, type WindowDataset } from '../data/window-dataset.js';
import { DistillError } from '../errors.js';
import { BINARY_TASK } from '../metrics/binary-task.js';
import { summarizeFolds } from '../metrics/fold-summary.js';
import { needsTeacher } from '../training/loss-spec.js';

/** Where the windows came from (goes into the report). */
export interface DataSource {
  readonly source: 'synthetic' | 'biovid';
  /** Folder (BioVid) or cache file(s) (synthetic). */
  readonly root: string;
}

/** Inputs of {@link runExperiment}. */
export interface RunExperimentOptions {
  /**
   * Preprocessed windows of every view the config names, 5 classes each (the binary task selects
   * BL1/PA4 itself); window i of every view is one recording.
   */
  readonly views: ViewDatasets;
  readonly source: DataSource;
  readonly config: ExperimentConfig;
  readonly onProgress?: (progress: ExperimentProgress) => void;
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
  /** The students' task dataset the folds index (their view; BL1/PA4 only for the binary task). */
  readonly data: WindowDataset;
  readonly final?: FinalJobResult;
  /** The final student's method on every fold of the first CV repeat (for fp32-vs-int8 rows). */
  readonly foldStudents: readonly FoldStudent[];
}

/**
 * Runs the whole experiment. Folds come from `makeFolds` (every one passes
 * `assertNoSubjectLeak` before training), once per CV repeat with its own seed (repeat 0 uses
 * `config.seed`), every method sees the same folds, and fold jobs run on `config.workers` worker
 * threads (`auto`: one per core, at most one per job; 1 = this thread). After CV, the teacher and
 * the `final.student` run are trained once more on every subject but a validation split
 * (`finalSplit`); with `final.student = best` this waits for the CV results, otherwise it runs
 * alongside the folds.
 *
 * @example
 * const { report, final } = await runExperiment({ views, source, config, onProgress });
 */
export async function runExperiment(options: RunExperimentOptions): Promise<ExperimentOutcome> {
  const started = performance.now();
  const { config } = options;
  const views = taskViews(options.views, config);
  const data = views[config.student.view]!;
  const repeats = Array.from({ length: config.cv.repeats }, (_, r) =>
    makeFolds(data, { scheme: config.cv.scheme, folds: config.cv.folds, seed: repeatSeed(config.seed, r), valFraction: config.cv.valFraction }),
  );
  const knownFinal = config.final.enabled ? finalStudentId(config) : undefined;
  const jobs: FoldJob[] = repeats.flatMap((folds, repeat) =>
    folds.map((fold) => ({ kind: 'fold' as const, repeat, fold, ...(knownFinal && repeat === 0 ? { keepStudent: knownFinal } : {}) })),
  );
  const split = config.final.enabled ? finalSplit(data, config.cv.valFraction, config.seed) : undefined;
  if (split && knownFinal) jobs.push({ kind: 'final', fold: split, student: knownFinal });

  const workerCount = config.workers === 'auto' ? Math.min(availableParallelism(), jobs.length + (split && !knownFinal ? 1 : 0)) : config.workers;
  const executor: JobExecutor =
    workerCount > 1
      ? await workerPoolExecutor(views, config, config.backend, workerCount, options.signal)
      : await inThreadExecutor(views, config, config.backend, options.signal);
  const perRepeat = repeats[0]!.length;
  const tracker = new ProgressTracker(jobs.map((j) => plan(j, config, perRepeat)), executor.capacity, perRepeat * repeats.length);
  const run = async (job: FoldJob): Promise<FoldJobResult | FinalJobResult> => {
    const result = await executor.run(job, (p) => options.onProgress?.(tracker.update(p)));
    tracker.finish(jobNumber(job, perRepeat));
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
      tracker.add(plan(job, config, perRepeat));
      final = (await run(job)) as FinalJobResult;
    }
    const labels = classLabels(config);
    const resolved = resolveViews(config);
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
        sampleRate: resolved[config.student.view]!.preprocess.sampleRate,
        windowSamples: data.length,
        views: Object.entries(views).map(([name, view]) => describeView(name, view, resolved[name]!, config)),
        examples: exampleTraces(data, resolved[config.student.view]!.preprocess.sampleRate, labels),
        classMeans: classMeanTraces(data, resolved[config.student.view]!.preprocess.sampleRate, labels),
      },
      cv: { scheme: config.cv.scheme, folds: perRepeat, repeats: repeats.length, seed: config.seed },
      task: config.task,
      classLabels: labels,
      methods,
      comparisons: compareWithBaseline(methods, config, testTrainRatio(repeats.flat())),
      runtime: { backend: executor.backend, workers: executor.capacity },
      wallMs: performance.now() - started,
    };
    const foldStudents: FoldStudent[] = foldResults.flatMap((r) =>
      r.student && r.repeat === 0 ? [{ fold: r.fold, net: r.student, train: repeats[0]![r.fold]!.train, test: repeats[0]![r.fold]!.test }] : [],
    );
    return { report, data, ...(final ? { final } : {}), foldStudents };
  } finally {
    await executor.close();
  }
}

/** The fold seed of CV repeat `r` (repeat 0: the experiment seed itself). */
function repeatSeed(seed: number, r: number): number {
  return r === 0 ? seed : deriveSeed(seed, 0x726570, r);
}

/** The views the config uses, checked for alignment and reduced to the task's classes. */
function taskViews(given: ViewDatasets, config: ExperimentConfig): Record<string, WindowDataset> {
  const names = [...new Set([...teacherRuns(config).map((t) => t.view), config.student.view])];
  const out: Record<string, WindowDataset> = {};
  for (const name of names) {
    const view = given[name];
    if (!view) throw new DistillError('DATASET_INVALID', `the config uses view "${name}" but no windows were given for it (have ${Object.keys(given).join(', ')})`);
    const valid = validateDataset(view);
    out[name] = config.task === 'binary' ? selectClasses(valid, [BINARY_TASK.negative, BINARY_TASK.positive]) : valid;
  }
  assertAlignedViews(out);
  return out;
}

function describeView(name: string, data: WindowDataset, view: ViewConfig, config: ExperimentConfig): ViewSummary {
  const seenBy = [...teacherRuns(config).filter((t) => t.view === name).map((t) => t.id), ...(config.student.view === name ? ['students'] : [])];
  return {
    name,
    seenBy,
    channels: view.channels.map((c) => `${c.source}:${c.feature}`),
    sampleRate: view.preprocess.sampleRate,
    windowSamples: data.length,
    wearable: view.wearable !== null,
  };
}

function plan(job: FoldJob, config: ExperimentConfig, perRepeat: number): JobPlan {
  const n = job.fold.train.length;
  const batches = (training: TrainingConfig): number => training.epochs * Math.ceil(n / training.batchSize);
  const students = job.kind === 'final' ? studentRuns(config).filter((r) => r.id === job.student) : studentRuns(config);
  const teachers = job.kind === 'final' ? teacherRuns(config).filter((t) => t.id === 'teacher' || students.some((s) => s.teacher === t.id)) : teacherRuns(config);
  return {
    job: jobNumber(job, perRepeat),
    methods: [
      ...teachers.map((t) => ({ method: t.id, batches: batches(t.training), teacher: true })),
      ...students.map((r) => ({ method: r.id, batches: batches(r.training), teacher: false })),
    ],
  };
}

function assembleMethods(results: readonly FoldJobResult[], config: ExperimentConfig): MethodResult[] {
  const sorted = [...results].sort((a, b) => a.repeat - b.repeat || a.fold - b.fold);
  const teachers = teacherRuns(config);
  const students = studentRuns(config);
  return [...teachers.map((t) => t.id), ...students.map((s) => s.id)].map((id) => {
    const entries = sorted.map((r) => {
      const entry = r.results.find((e) => e.id === id);
      if (!entry) throw new DistillError('EXPERIMENT_ABORTED', `repeat ${r.repeat} fold ${r.fold} has no result for ${id}`);
      return entry;
    });
    const folds: FoldResult[] = entries.map((e) => e.result);
    const student = students.find((s) => s.id === id);
    const teacher = teachers.find((t) => t.id === id);
    const hyper = student
      ? { loss: student.loss, training: student.training, net: student.net, teacher: student.teacher, view: student.view }
      : { loss: { ce: 1 }, training: teacher!.training, net: teacher!.net, view: teacher!.view };
    return {
      id,
      role: student ? 'student' : 'teacher',
      method: student ? student.method : id,
      ...(student?.size !== undefined ? { size: student.size } : {}),
      view: student ? student.view : teacher!.view,
      ...(student && needsTeacher(student.loss) ? { teacher: student.teacher } : {}),
      arch: entries[0]!.arch,
      params: entries[0]!.params,
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

