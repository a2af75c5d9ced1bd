/**
 * @module The shape of `report.json`: the contract between the experiment runner (which fills
 * it), the markdown and HTML report writers, and anyone reading a run afterwards.
 */
import type { GpuAdapterInfo } from '@painkd/models';

/** Mean and sample standard deviation over folds. */
export interface MeanSd {
  readonly mean: number;
  readonly sd: number;
}

/** Metrics of one model on one test set. `confusion[true][predicted]` counts windows. */
export interface MetricSet {
  readonly accuracy: number;
  readonly macroF1: number;
  /** Mean absolute error on the class index scale (0–4 for multiclass). */
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

/** One method on one fold. */
export interface FoldResult {
  readonly fold: number;
  readonly testSubjects: readonly string[];
  readonly metrics: MetricSet;
  /** Baseline vs PA4 (the literature's binary task), when evaluated. */
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
  /** Run id from the experiment config, e.g. `student-kd`. */
  readonly id: string;
  readonly role: 'teacher' | 'student';
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
  /** `confusion[true][predicted]` window counts. */
  readonly confusion?: readonly (readonly number[])[];
}

/** fp32 vs int8 student on one fold (filled by the artifact step). */
export interface QuantizationRow {
  readonly fold: number;
  readonly fp32: QuantizedScores;
  readonly int8: QuantizedScores;
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
    readonly sampleRate: number;
    readonly windowSamples: number;
    readonly examples: readonly ExampleTrace[];
    /**
     * The mean preprocessed window of each class over every window of the run (`subject` is
     * `'all'`): the evoked response the nets can learn, free of any one subject's quirks.
     */
    readonly classMeans?: readonly ExampleTrace[];
  };
  readonly cv: { readonly scheme: 'group-kfold' | 'loso'; readonly folds: number; readonly seed: number };
  readonly task: 'multiclass' | 'binary';
  readonly classLabels: readonly string[];
  readonly methods: readonly MethodResult[];
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
