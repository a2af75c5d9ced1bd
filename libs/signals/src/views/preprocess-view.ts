/**
 * @module One recording window → model input for a view: every channel shaped (`shapeView`),
 * normalised on its own, and interleaved channels-last, the layout a tfjs `[n, length, channels]`
 * tensor or an ONNX `[n, length, channels]` input is made from.
 */
import { invalidArgument } from '../preprocess/arguments.js';
import { normalizeSignal } from '../preprocess/normalize-signal.js';
import type { SignalStats } from '../preprocess/signal-stats.js';
import { shapeView } from './shape-view.js';
import type { ViewConfig, ViewRecording } from './view-config.js';

/** Per-subject statistics of a view: one entry per channel, in `view.channels` order. */
export type ViewSubjectStats = readonly SignalStats[];

/** Options of {@link preprocessView}. */
export interface PreprocessViewOptions {
  /**
   * This window's seed (32-bit), required when the view has a wearable sensor; derive one per
   * window, e.g. `deriveSeed(seed, subjectIndex, trial)`, so a window is degraded the same way in
   * every run and in every view that shares the seed.
   */
  readonly seed?: number;
  /** Required when `view.preprocess.normalization.scope` is `'subject'` (see `computeViewSubjectStats`). */
  readonly subjectStats?: ViewSubjectStats;
}

/**
 * Preprocesses one window of a recording for `view`: each channel becomes its feature at
 * `view.preprocess.sampleRate`, `windowSamples` long, normalised per channel as
 * `view.preprocess.normalization` says (z-score per window by default).
 *
 * @returns a Float32Array of `windowSamples × channels` values, channels last: sample k of channel
 *   c is at `k · channels + c`. A one-channel GSR `level` view without a wearable gives exactly
 *   `preprocessWindow(gsr, sampleRate, view.preprocess)`.
 * @throws SignalsError as `shapeView` does, and `SIGNAL_INVALID_ARGUMENT` naming
 *   `options.subjectStats` when they are missing or do not match the channels.
 *
 * @example
 * const x = preprocessView(recording, LAB_ALL_CHANNELS_VIEW); // 176 × 5 values
 * const student = preprocessView(recording, WEARABLE_GSR_VIEW, { seed: deriveSeed(1, subjectIndex, trial) }); // 22 × 1
 */
export function preprocessView(recording: ViewRecording, view: ViewConfig, options: PreprocessViewOptions = {}): Float32Array {
  const { normalization, windowSamples } = view.preprocess;
  const channels = view.channels.length;
  const stats = options.subjectStats;
  if (normalization.scope === 'subject' && normalization.method !== 'none' && (stats === undefined || stats.length !== channels)) {
    invalidArgument('options.subjectStats', `needs one entry per view channel (${channels}) when normalization scope is 'subject'`, {
      given: stats?.length,
    });
  }
  const out = new Float32Array(windowSamples * channels);
  shapeView(recording, view, options.seed).forEach((shaped, c) => {
    const normalized = normalizeSignal(shaped, normalization, stats?.[c]);
    for (let k = 0; k < windowSamples; k++) out[k * channels + c] = normalized[k];
  });
  return out;
}
