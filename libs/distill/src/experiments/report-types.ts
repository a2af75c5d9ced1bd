/**
 * @module The shape of `report.json`: the contract between the experiment runner (which fills
 * it), the markdown and HTML report writers, and anyone reading a run afterwards.
 */
import type { GpuAdapterInfo } from '@painkd/models';
import type { PairedComparison } from '../stats/index.js';

/** Mean and sample standard deviation over folds. */
export interface MeanSd {
  readonly mean: number;
  readonly sd: number;
}

/** Metrics of one model on one test set. `confusion[true][predicted]` counts windows. */
export interface MetricSet {
  readonly accuracy: number;
  readonly macroF1: number;
  /** Mean absolute error on the 0–4 pain scale (BL1 = 0 … PA4 = 4; a BL1-vs-PA4 model too). */
  readonly mae: number;
  readonly rmse: number;
  readonly confusion: readonly (readonly number[])[];
}

/** One epoch of training as seen by the loop. */
export interface EpochRecord {
  readonly epoch: number;
  readonly trainLoss: number;
  readonly valLoss: number;
  readonly valAccuracy: number;
  readonly learningRate: number;
}

/** One method on one fold of one CV repeat. */
export interface FoldResult {
  /** CV repeat (0-based; every repeat has its own fold seed). */
  readonly repeat: number;
  readonly fold: number;
  readonly testSubjects: readonly string[];
  readonly metrics: MetricSet;
  /**
   * BL1 vs PA4 scored by the 5-class model (its two logits only), when the task is multiclass:
   * not a model trained on the binary task.
   */
  readonly binary?: MetricSet;
  readonly history: readonly EpochRecord[];
  readonly epochsRun: number;
  readonly trainMs: number;
}

/** Mean ± sd of every metric over folds, and the confusion matrix summed over folds. */
export interface MethodSummary {
  readonly accuracy: MeanSd;
  readonly macroF1: MeanSd;
  readonly mae: MeanSd;
  readonly rmse: MeanSd;
  readonly confusion: readonly (readonly number[])[];
  readonly binary?: { readonly accuracy: MeanSd; readonly macroF1: MeanSd };
}

/** One run of the experiment (teacher, student-CE, student-KD, …) over all folds. */
export interface MethodResult {
  /** Teacher id, or student id: the run id, `<run id>@<size id>` in a size family. */
  readonly id: string;
  readonly role: 'teacher' | 'student';
  /** The configured run id (the method) of a student; a teacher's id. */
  readonly method: string;
  /** The size id of a student in a size family. */
  readonly size?: string;
  /** The input view the net saw. */
  readonly view: string;
  /** The teacher a distilling student learnt from. */
  readonly teacher?: string;
  /** Registered architecture name of the net. */
  readonly arch: string;
  readonly params: number;
  /** The run's hyper-parameters as configured (temperature, loss weights, epochs, lr…). */
  readonly hyper: Readonly<Record<string, unknown>>;
  readonly folds: readonly FoldResult[];
  readonly summary: MethodSummary;
  readonly trainMs: number;
}

/** Scores of one precision of the student on one fold. */
export interface QuantizedScores {
  readonly accuracy: number;
  readonly macroF1: number;
  readonly mae: number;
  readonly rmse?: number;
  /** `confusion[true][predicted]` window counts. */
  readonly confusion?: readonly (readonly number[])[];
}

/**
 * fp32 vs int8 student on one fold (filled by the artifact step), every score computed by
 * `scoreLogits`: the ONNX int8 model and, when written, the TFLite int8 one, both from the
 * calibration the shipped artifact uses.
 */
export interface QuantizationRow {
  readonly fold: number;
  readonly fp32: QuantizedScores;
  /** The ONNX int8 student. */
  readonly int8: QuantizedScores;
  /** The TFLite full-integer int8 student. */
  readonly tfliteInt8?: QuantizedScores;
  /** The calibration both int8 models of this fold used. */
  readonly calibration?: { readonly method: 'minmax' | 'percentile'; readonly percentile?: number };
}

/** An example preprocessed trace shown in the report. */
export interface ExampleTrace {
  readonly classIndex: number;
  readonly label: string;
  readonly subject: string;
  readonly sampleRate: number;
  readonly samples: readonly number[];
}

/** Where a run trained. */
export interface RuntimeInfo {
  readonly backend: string;
  readonly workers: number;
  /** The GPU adapter the webgpu backend computed on: vendor, architecture, device. */
  readonly adapter?: GpuAdapterInfo;
}

/** One input view of a run, as the report describes it. */
export interface ViewSummary {
  readonly name: string;
  /** Teacher ids and/or `students`. */
  readonly seenBy: readonly string[];
  /** `source:feature` per model input channel. */
  readonly channels: readonly string[];
  readonly sampleRate: number;
  readonly windowSamples: number;
  /** True when the view passes lab GSR through a simulated wearable sensor. */
  readonly wearable: boolean;
}

/** A student method against the CE-only student of the same size, paired by (repeat, fold). */
export interface MethodComparison {
  /** The student id compared (`<run>` or `<run>@<size>`). */
  readonly id: string;
  /** The CE-only student id it is paired with. */
  readonly baseline: string;
  readonly metric: 'accuracy';
  readonly paired: PairedComparison;
}

/**
 * What one net costs to deploy, measured on its exported ONNX files (the same files the artifact
 * step writes): one entry per student size (or the single student) and one for the teacher.
 */
export interface Footprint {
  /** `teacher`, a size id, or `student` when there is no size family. */
  readonly id: string;
  readonly role: 'teacher' | 'student';
  readonly arch: string;
  readonly params: number;
  /** Multiply-accumulates of one window's forward pass. */
  readonly macs: number;
  readonly fp32Bytes: number;
  /** The int8 (QDQ) file; absent for the teacher, which is not quantised. */
  readonly int8Bytes?: number;
  /** Median single-window latency of the deployed precision (int8 student, fp32 teacher), µs. */
  readonly latencyUs?: { readonly p50: number; readonly p99: number; readonly runtime: string; readonly runs: number };
}

/** Everything a run reports. Written as `report.json`. */
export interface ExperimentReport {
  readonly schemaVersion: 1;
  readonly painkdVersion: string;
  readonly createdAt: string;
  /** The full resolved experiment config (hyper-parameters, preprocessing, profile, seed). */
  readonly config: Readonly<Record<string, unknown>>;
  readonly data: {
    readonly source: 'synthetic' | 'biovid';
    readonly root: string;
    readonly subjects: number;
    readonly windowsPerClass: readonly number[];
    /** Model input rate and window length of the students' view. */
    readonly sampleRate: number;
    readonly windowSamples: number;
    /** Every input view of the run. */
    readonly views?: readonly ViewSummary[];
    /** Example windows of the students' view (channel 0). */
    readonly examples: readonly ExampleTrace[];
    /**
     * The mean preprocessed window of each class over every window of the run (`subject` is
     * `'all'`): the evoked response the nets can learn, free of any one subject's quirks.
     */
    readonly classMeans?: readonly ExampleTrace[];
  };
  /** `folds` per repeat; every method ran on `folds × repeats` (repeat, fold) pairs. */
  readonly cv: { readonly scheme: 'group-kfold' | 'loso'; readonly folds: number; readonly repeats: number; readonly seed: number };
  readonly task: 'multiclass' | 'binary';
  readonly classLabels: readonly string[];
  readonly methods: readonly MethodResult[];
  /** Every distilling student against the CE-only student of its size (absent without a baseline). */
  readonly comparisons?: readonly MethodComparison[];
  /** Size, MACs and latency of each student size and the teacher (the Pareto chart's x axes). */
  readonly footprints?: readonly Footprint[];
  readonly quantization?: readonly QuantizationRow[];
  /** The final teacher and student trained after CV for export, when the run made them. */
  readonly finalModels?: FinalModelsReport;
  /** The tfjs backend the nets trained on, the number of parallel fold workers, and the GPU adapter (webgpu). */
  readonly runtime?: RuntimeInfo;
  readonly wallMs: number;
}

/** A model trained on all subjects after cross-validation and saved for export. */
export interface FinalModelInfo {
  /** `teacher` or the student run id. */
  readonly id: string;
  readonly arch: string;
  readonly params: number;
  readonly epochsRun: number;
  readonly bestEpoch: number;
  readonly trainMs: number;
  /** Files written for export, relative to the output folder (NetSpec JSON and weights). */
  readonly files: readonly string[];
}

/** The deployed models, trained after CV on every subject except a validation split. */
export interface FinalModelsReport {
  readonly trainSubjects: number;
  readonly valSubjects: number;
  readonly teacher: FinalModelInfo;
  readonly student: FinalModelInfo;
}
