/**
 * @module Batch helpers around {@link preprocessWindow}: a long recording cut into preprocessed
 * windows, and the per-subject statistics that subject-scoped normalisation needs.
 */
import { assertNumber, assertSignal, type SignalLike } from './arguments.js';
import { secondsToSamples, type PreprocessConfig } from './preprocess-config.js';
import { preprocessWindow, shapeWindow } from './preprocess-window.js';
import { computeSignalStats, type SignalStats } from './signal-stats.js';
import { windowSignal, type SignalWindow } from './window-signal.js';

/** Options of {@link preprocessRecording}. */
export interface PreprocessRecordingOptions {
  /** Seconds between window starts; default `config.windowSeconds` (no overlap). */
  readonly hopSeconds?: number;
  /** Required when `config.normalization.scope` is `'subject'`. */
  readonly subjectStats?: SignalStats;
}

/**
 * Cuts `x` (recorded at `sampleRate`) into windows of `config.windowSeconds` every `hopSeconds`
 * with {@link windowSignal}, then runs {@link preprocessWindow} on each. `startSample` counts
 * samples at the input rate; `samples` are model input at `config.sampleRate`. The batch pipeline
 * that the stream windower reproduces.
 *
 * @throws SignalsError as {@link windowSignal} and {@link preprocessWindow} do.
 *
 * @example
 * const windows = preprocessRecording(longGsr, 512, DEFAULT_PREPROCESS_CONFIG, { hopSeconds: 1 });
 */
export function preprocessRecording(
  x: SignalLike,
  sampleRate: number,
  config: PreprocessConfig,
  options: PreprocessRecordingOptions = {},
): SignalWindow[] {
  assertSignal('x', x);
  assertNumber('sampleRate', sampleRate, 1, 1024);
  const hopSeconds = options.hopSeconds ?? config.windowSeconds;
  assertNumber('hopSeconds', hopSeconds, 0);
  const windowSamples = secondsToSamples(config.windowSeconds, sampleRate);
  const hopSamples = Math.max(1, secondsToSamples(hopSeconds, sampleRate));
  return windowSignal(x, windowSamples, hopSamples).map((w) => ({
    index: w.index,
    startSample: w.startSample,
    samples: preprocessWindow(w.samples, sampleRate, config, options.subjectStats),
  }));
}

/**
 * Per-subject statistics for scope `'subject'`: runs every step of {@link preprocessWindow} except
 * normalisation on each of the subject's raw windows and pools mean, sd, min and max. Compute it
 * on training windows only (or a calibration period at the edge) to avoid leaking test data.
 *
 * @example
 * const stats = computeSubjectStats(subjectWindows, 512, config);
 * const input = preprocessWindow(window, 512, config, stats);
 */
export function computeSubjectStats(windows: Iterable<SignalLike>, sampleRate: number, config: PreprocessConfig): SignalStats {
  function* shaped(): Generator<Float64Array> {
    for (const w of windows) yield shapeWindow(w, sampleRate, config);
  }
  return computeSignalStats(shaped());
}
