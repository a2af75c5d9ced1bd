/**
 * @module The experiment runner: plan (folds of every repeat) → units (teacher, then students from
 * its cached outputs) on a scheduler — worker threads here by default, or a BullMQ queue — →
 * final models → the `ExperimentReport`.
 */
import { availableParallelism } from 'node:os';
import { initBackend, PAINKD_VERSION, type BackendName } from '@painkd/models';
import { CLASS_LABELS, type ViewConfig } from '@painkd/signals';
import { compareWithBaseline, testTrainRatio } from './compare-methods.js';
import { resolveViews, studentRuns, teacherRuns, type ExperimentConfig, type TrainingConfig } from './experiment-config.js';
import type { FinalModels, TrainedNet, UnitResult } from './experiment-job.js';
import { initialUnits, planExperiment, unitFold, unitNumber, unitStudents, unitTeachers, type ExperimentPlan, type Unit, type ViewDatasets } from './experiment-plan.js';
import { inThreadExecutor, workerPoolExecutor } from './job-executor.js';
import { ProgressTracker, type ExperimentProgress, type JobPlan } from './progress-tracker.js';
import type { ExampleTrace, ExperimentReport, FoldResult, MethodResult, RuntimeInfo, ViewSummary } from './report-types.js';
import { localScheduler, type SchedulerFactory, type UnitScheduler } from './unit-scheduler.js';
import type { WindowDataset } from '../data/window-dataset.js';
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
  /** Where the jobs run (default: {@link localSchedulerFactory}). */
  readonly scheduler?: SchedulerFactory;
  readonly onProgress?: (progress: ExperimentProgress) => void;
  /** Called once the scheduler has chosen where jobs run (backend, workers, GPU adapter), before training. */
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
  /** The students' task dataset the folds index (their view; BL1/PA4 only for the binary task). */
  readonly data: WindowDataset;
  readonly final?: FinalModels;
  /** The final student's method on every fold of the first CV repeat (for fp32-vs-int8 rows). */
  readonly foldStudents: readonly FoldStudent[];
}

/**
 * The default scheduler: jobs on `config.workers` worker threads (`auto`: one per core, at most
 * one per job of the initial units, but one on a software GPU; 1 = this thread); on webgpu each
 * thread opens its own device.
 *
 * @example
 * await runExperiment({ views, source, config, scheduler: localSchedulerFactory });
 */
export const localSchedulerFactory: SchedulerFactory = async (plan, views, signal) => {
  const { config } = plan;
  const jobs = initialUnits(plan).reduce((n, unit) => n + 1 + unitStudents(config, unit).length, 0);
  // Resolve the backend once, here; threads then start the resolved one. On a hardware GPU each
  // thread opens its own device on the adapter (parallel command streams: one JavaScript thread
  // cannot issue small dispatches fast enough to keep a GPU busy); a software GPU already uses
  // every core, so `auto` gives it one thread.
  const backend = await initBackend(config.backend as BackendName);
  const count = config.workers === 'auto' ? (backend.adapter?.software ? 1 : Math.min(availableParallelism(), jobs)) : config.workers;
  const executor = count > 1 ? await workerPoolExecutor(backend.name, count, signal) : await inThreadExecutor(backend.name, signal);
  return localScheduler(executor, plan, views);
};

/**
 * Runs the whole experiment. Folds come from `makeFolds` (every one passes
 * `assertNoSubjectLeak` before training), once per CV repeat with its own seed (repeat 0 uses
 * `config.seed`), and every method sees the same folds. Per (repeat, fold) the teacher job trains
 * every teacher; then one job per student trains it from the teachers' cached outputs. After CV,
 * the teacher and the `final.student` run are trained once more on every subject but a
 * validation split (`finalSplit`); with `final.student = best` this waits for the CV results,
 * otherwise it runs alongside the folds. The results do not depend on the scheduler: the same
 * config, seed and backend give the same metrics in this thread, on worker threads or on queue
 * workers.
 *
 * @example
 * const { report, final } = await runExperiment({ views, source, config, onProgress });
 */
export async function runExperiment(options: RunExperimentOptions): Promise<ExperimentOutcome> {
  const started = performance.now();
  const { config } = options;
  const plan = planExperiment(options.views, config);
  const { data, repeats, perRepeat } = plan;
  const units = initialUnits(plan);
  const scheduler: UnitScheduler = await (options.scheduler ?? localSchedulerFactory)(plan, options.views, options.signal);
  options.onRuntime?.(scheduler.runtime());
  const tracker = new ProgressTracker(units.map((u) => jobPlan(u, plan)), 1, perRepeat * repeats.length);
  const hooks = {
    onProgress: (p: Parameters<ProgressTracker['update']>[0]) => options.onProgress?.(tracker.update(p)),
    onFinished: (job: number, methods?: readonly string[]) => tracker.finish(job, methods),
    onCounts: (counts: Parameters<ProgressTracker['setCounts']>[0]) => tracker.setCounts(counts),
  };

  try {
    const results = await scheduler.run(units, hooks);
    const foldResults = results.filter((r) => r.unit.kind === 'fold');
    let final = results.find((r) => r.final)?.final;
    const methods = assembleMethods(foldResults, config);
    if (plan.split && !plan.knownFinal) {
      const unit: Unit = { kind: 'final', student: bestStudent(methods) };
      tracker.add(jobPlan(unit, plan));
      final = (await scheduler.run([unit], hooks))[0]!.final;
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
        views: Object.entries(plan.views).map(([name, view]) => describeView(name, view, resolved[name]!, config)),
        examples: exampleTraces(data, resolved[config.student.view]!.preprocess.sampleRate, labels),
        classMeans: classMeanTraces(data, resolved[config.student.view]!.preprocess.sampleRate, labels),
      },
      cv: { scheme: config.cv.scheme, folds: perRepeat, repeats: repeats.length, seed: config.seed },
      task: config.task,
      classLabels: labels,
      methods,
      comparisons: compareWithBaseline(methods, config, testTrainRatio(repeats.flat())),
      runtime: scheduler.runtime(),
      wallMs: performance.now() - started,
    };
    const foldStudents: FoldStudent[] = foldResults.flatMap((r) => {
      if (!r.kept || r.unit.kind !== 'fold' || r.unit.repeat !== 0) return [];
      const fold = unitFold(plan, r.unit);
      return [{ fold: fold.index, net: r.kept, train: fold.train, test: fold.test }];
    });
    return { report, data, ...(final ? { final } : {}), foldStudents };
  } finally {
    await scheduler.close();
  }
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

function jobPlan(unit: Unit, plan: ExperimentPlan): JobPlan {
  const n = unitFold(plan, unit).train.length;
  const batches = (training: TrainingConfig): number => training.epochs * Math.ceil(n / training.batchSize);
  return {
    job: unitNumber(unit, plan.perRepeat),
    methods: [
      ...unitTeachers(plan.config, unit).map((t) => ({ method: t.id, batches: batches(t.training), teacher: true })),
      ...unitStudents(plan.config, unit).map((r) => ({ method: r.id, batches: batches(r.training), teacher: false })),
    ],
  };
}

function assembleMethods(results: readonly UnitResult[], config: ExperimentConfig): MethodResult[] {
  const order = (r: UnitResult): number => (r.unit.kind === 'fold' ? r.unit.repeat * 1e6 + r.unit.fold : Infinity);
  const sorted = [...results].sort((a, b) => order(a) - order(b));
  const teachers = teacherRuns(config);
  const students = studentRuns(config);
  return [...teachers.map((t) => t.id), ...students.map((s) => s.id)].map((id) => {
    const entries = sorted.map((r) => {
      const entry = r.results.find((e) => e.id === id);
      if (!entry) throw new DistillError('EXPERIMENT_ABORTED', `${JSON.stringify(r.unit)} has no result for ${id}`);
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

