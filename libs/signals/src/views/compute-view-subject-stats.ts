/**
 * @module Per-subject, per-channel statistics for a view with `normalization.scope = 'subject'`:
 * each channel's values pooled over the subject's windows at the stage normalisation applies them.
 */
import { computeSignalStats } from '../preprocess/signal-stats.js';
import type { ViewSubjectStats } from './preprocess-view.js';
import { shapeView } from './shape-view.js';
import type { ViewConfig, ViewRecording } from './view-config.js';

/** One window of a subject with its seed (the seed is needed when the view has a wearable sensor). */
export interface ViewWindow {
  readonly recording: ViewRecording;
  readonly seed?: number;
}

/**
 * Pools mean, sd, min and max of every channel of `view` over `windows` (one subject's). Compute
 * them from training windows only, or from an unlabelled calibration period at the edge: stats of
 * test windows used to normalise those same windows make an evaluation transductive.
 *
 * @throws SignalsError as `shapeView` does; `SIGNAL_INVALID_ARGUMENT` naming `windows` when empty.
 *
 * @example
 * const stats = computeViewSubjectStats(trainWindows.map((w) => ({ recording: w, seed: w.seed })), view);
 * const x = preprocessView(recording, view, { seed, subjectStats: stats });
 */
export function computeViewSubjectStats(windows: Iterable<ViewWindow>, view: ViewConfig): ViewSubjectStats {
  const shaped: Float64Array[][] = [];
  for (const { recording, seed } of windows) shaped.push(shapeView(recording, view, seed));
  return view.channels.map((_, c) => computeSignalStats(shaped.map((channels) => channels[c])));
}
