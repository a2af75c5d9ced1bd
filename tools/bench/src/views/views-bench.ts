/**
 * @module The pieces of `bench:views`: time building model input for a set of recorded windows,
 * per view (best of several passes over the same windows), and print the table with each view's
 * cost per window, per channel, projected to the full 8,700-window protocol, and relative to
 * today's `preprocessWindow` GSR chain measured in the same run.
 */
import { preprocessView, preprocessWindow, type SyntheticRecording, type ViewConfig } from '@painkd/signals';

/** One timed case: a view, or the `preprocessWindow` baseline. */
export interface ViewCase {
  readonly name: string;
  /** Channels per window (1 for the baseline). */
  readonly channels: number;
  /** Builds one window's input. */
  readonly run: (recording: SyntheticRecording) => Float32Array;
}

/** A measured case. */
export interface ViewTiming {
  readonly name: string;
  readonly channels: number;
  readonly windows: number;
  /** Best pass, milliseconds per window. */
  readonly msPerWindow: number;
}

/** Windows of the full protocol (87 subjects × 100). */
export const PROTOCOL_WINDOWS = 8700;

/**
 * A case that runs `preprocessView` with a per-window seed derived from the trial.
 *
 * @example
 * viewCase('LAB_ALL_CHANNELS_VIEW', LAB_ALL_CHANNELS_VIEW);
 */
export function viewCase(name: string, view: ViewConfig): ViewCase {
  return { name, channels: view.channels.length, run: (r) => preprocessView(r, view, { seed: r.index }) };
}

/**
 * The baseline: `preprocessWindow` on the GSR channel with the view's preprocessing.
 *
 * @example
 * baselineCase(LAB_GSR_VIEW);
 */
export function baselineCase(view: ViewConfig): ViewCase {
  return { name: 'preprocessWindow (baseline)', channels: 1, run: (r) => preprocessWindow(r.channels.gsr, r.sampleRate, view.preprocess) };
}

/**
 * Times each case over `recordings`, `passes` times, keeping the best pass (the machine is shared).
 * Cases are interleaved per pass so a burst of load hits all of them alike.
 *
 * @example
 * const timings = timeViews([baselineCase(LAB_GSR_VIEW)], recordings, 5);
 */
export function timeViews(cases: readonly ViewCase[], recordings: readonly SyntheticRecording[], passes: number): ViewTiming[] {
  const best = cases.map(() => Infinity);
  let sink = 0;
  for (let pass = 0; pass < passes; pass++) {
    cases.forEach((c, i) => {
      const started = performance.now();
      for (const recording of recordings) sink += c.run(recording)[0];
      best[i] = Math.min(best[i], (performance.now() - started) / recordings.length);
    });
  }
  if (Number.isNaN(sink)) throw new Error('a view produced NaN');
  return cases.map((c, i) => ({ name: c.name, channels: c.channels, windows: recordings.length, msPerWindow: best[i] }));
}

/**
 * The text table; the first timing is the baseline of the ratio column.
 *
 * @example
 * console.log(formatViewTable(timings));
 */
export function formatViewTable(timings: readonly ViewTiming[]): string {
  const baseline = timings[0].msPerWindow;
  const header = ['case', 'channels', 'ms/window', 'ms/window/channel', `s for ${PROTOCOL_WINDOWS} windows`, '× baseline'];
  const rows = timings.map((t) => [
    t.name,
    String(t.channels),
    t.msPerWindow.toFixed(3),
    (t.msPerWindow / t.channels).toFixed(3),
    ((t.msPerWindow * PROTOCOL_WINDOWS) / 1000).toFixed(1),
    (t.msPerWindow / baseline).toFixed(2),
  ]);
  return [`| ${header.join(' | ')} |`, `| --- | ${header.slice(1).map(() => '---:').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}
