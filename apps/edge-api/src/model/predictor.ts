/**
 * @module What the HTTP layer needs from a model: its facts (name, rate, window, labels) and two
 * steps, preprocessing a raw window and inferring on preprocessed windows, each timed per stage.
 */

/** Facts about the served model, from its manifest. */
export interface ModelInfo {
  readonly name: string;
  readonly version: string;
  /** sha256 of the ONNX file, hex. */
  readonly sha256: string;
  readonly labels: readonly string[];
  /** The model's input rate, Hz. */
  readonly sampleRate: number;
  /** Model input length in samples (at {@link ModelInfo.sampleRate}). */
  readonly windowSamples: number;
  /** Window duration in seconds. */
  readonly windowSeconds: number;
  /** Accepted deviation of a raw window's duration from `windowSeconds` (preprocessing's). */
  readonly toleranceSeconds: number;
  /** Largest fraction of missing samples preprocessing interpolates; a window with more cannot be predicted. */
  readonly maxMissingFraction: number;
  /** Hop in seconds between the windows of a stream or a long recording. */
  readonly hopSeconds: number;
  /** ONNX input and output tensor names and the input shape (batch dimension `-1`). */
  readonly inputName: string;
  readonly outputName: string;
  readonly inputShape: readonly number[];
  /** Which ONNX Runtime serves it. */
  readonly runtime: 'node' | 'web';
}

/** One prediction. */
export interface Prediction {
  /** Index of the most probable class (the pain level). */
  readonly level: number;
  readonly label: string;
  /** Softmax probabilities, one per label. */
  readonly probabilities: readonly number[];
}

/** Milliseconds spent per stage of one request; stages add up across windows. */
export interface StageTimings {
  parse: number;
  resample: number;
  filter: number;
  inference: number;
}

/**
 * A fresh all-zero {@link StageTimings}.
 *
 * @example
 * const timings = emptyTimings(); // { parse: 0, resample: 0, filter: 0, inference: 0 }
 */
export function emptyTimings(): StageTimings {
  return { parse: 0, resample: 0, filter: 0, inference: 0 };
}

/** A model ready to serve. */
export interface Predictor {
  readonly info: ModelInfo;
  /**
   * Turns a raw window at `sampleRate` into the model's input window (resampled, filtered,
   * normalised), adding the time spent to `timings`.
   */
  preprocess(samples: Float32Array, sampleRate: number, timings: StageTimings): Float32Array;
  /** Runs the model on preprocessed windows (one batch), adding the time spent to `timings`. */
  infer(windows: readonly Float32Array[], timings: StageTimings): Promise<Prediction[]>;
  /** Releases the inference session. */
  close(): Promise<void>;
}
