/**
 * @module Raw recordings → one preprocessed `WindowDataset` per input view, subject by subject.
 * Every view sees the same recordings in the same order, so window i of each is one recording.
 */
import type { WindowDataset } from '@painkd/distill';
import { CLASS_LABELS, computeViewSubjectStats, deriveSeed, preprocessView, type ChannelName, type ViewConfig } from '@painkd/signals';
import { TrainerError } from '../errors.js';

/** One raw recording (one window) of one subject, with the channels the views need. */
export interface RawWindow {
  readonly subject: string;
  readonly classIndex: number;
  /** Trial number within the subject's session (seeds the simulated wearable of this window). */
  readonly trial: number;
  readonly sampleRate: number;
  readonly channels: Partial<Record<ChannelName, Float32Array>>;
  /** Where it came from, for error messages (file path or trial id). */
  readonly origin: string;
}

/** Options of {@link buildViewDatasets}. */
export interface BuildViewsOptions {
  /** Seeds every view's simulated wearable, per window: (seed, subject, class, trial). */
  readonly seed: number;
  /** Expected number of windows (pre-sizes the buffers). */
  readonly expected?: number;
}

/**
 * Preprocesses every window through every view with `preprocessView` into one
 * {@link WindowDataset} per view. Windows must arrive grouped by subject (both sources sort by
 * subject). For normalisation scope `subject`, each subject's statistics come from all of that
 * subject's windows — transductive: a test subject's statistics include its own (unlabelled) test
 * windows, as a device calibrating on its wearer would; the report labels it so.
 *
 * @example
 * const { lab, wrist } = await buildViewDatasets(rawWindows(), views, { seed: 1, expected: 8700 });
 */
export async function buildViewDatasets(
  windows: AsyncIterable<RawWindow> | Iterable<RawWindow>,
  views: Readonly<Record<string, ViewConfig>>,
  options: BuildViewsOptions,
): Promise<Record<string, WindowDataset>> {
  const names = Object.keys(views);
  const builders = names.map((name) => new ViewBuffer(views[name]!, options.expected ?? 0));
  const labels: number[] = [];
  const subjectOf: number[] = [];
  const subjects: string[] = [];
  let group: RawWindow[] = [];
  const flush = (): void => {
    if (group.length === 0) return;
    const s = subjects.length;
    subjects.push(group[0]!.subject);
    const stats = builders.map((b) => (b.view.preprocess.normalization.scope === 'subject' ? subjectStats(group, b.view, options.seed) : undefined));
    for (const w of group) {
      const seed = windowSeed(options.seed, w);
      builders.forEach((b, v) => {
        try {
          b.push(preprocessView(w, b.view, { seed, ...(stats[v] ? { subjectStats: stats[v] } : {}) }));
        } catch (error) {
          const code = (error as { code?: string }).code;
          throw new TrainerError('CLI_BAD_DATA', `${w.origin} (view ${names[v]}): ${error instanceof Error ? error.message : String(error)}${code ? ` [${code}]` : ''}`, { cause: error });
        }
      });
      labels.push(w.classIndex);
      subjectOf.push(s);
    }
    group = [];
  };
  for await (const w of windows) {
    if (group.length > 0 && group[0]!.subject !== w.subject) flush();
    if (subjects.includes(w.subject)) throw new TrainerError('CLI_BAD_DATA', `${w.origin}: windows of subject ${w.subject} are not contiguous`);
    group.push(w);
  }
  flush();
  const shared = { labels: Int32Array.from(labels), subjectOf: Int32Array.from(subjectOf), subjects, classes: CLASS_LABELS.length };
  return Object.fromEntries(names.map((name, v) => [name, { ...shared, ...builders[v]!.finish(labels.length) }]));
}

/**
 * The per-window seed of the simulated wearable: from the run's seed and the window's identity
 * (subject, class, trial), so a window degrades the same way whatever else is loaded.
 *
 * @example
 * windowSeed(1, { subject: '071309_w_21', classIndex: 4, trial: 7 });
 */
export function windowSeed(seed: number, w: Pick<RawWindow, 'subject' | 'classIndex' | 'trial'>): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < w.subject.length; i++) h = Math.imul(h ^ w.subject.charCodeAt(i), 0x01000193) >>> 0;
  return deriveSeed(seed, h, w.classIndex, w.trial);
}

/** A growing channels-last sample buffer of one view. */
class ViewBuffer {
  private x: Float32Array;
  private count = 0;
  private readonly size: number;

  constructor(
    readonly view: ViewConfig,
    expected: number,
  ) {
    this.size = view.preprocess.windowSamples * view.channels.length;
    this.x = new Float32Array(Math.max(1, expected) * this.size);
  }

  push(window: Float32Array): void {
    if ((this.count + 1) * this.size > this.x.length) {
      const grown = new Float32Array(Math.max(2 * this.x.length, (this.count + 1) * this.size));
      grown.set(this.x);
      this.x = grown;
    }
    this.x.set(window, this.count * this.size);
    this.count++;
  }

  finish(n: number): Pick<WindowDataset, 'x' | 'length' | 'channels'> {
    return { x: this.x.slice(0, n * this.size), length: this.view.preprocess.windowSamples, channels: this.view.channels.length };
  }
}

function subjectStats(group: readonly RawWindow[], view: ViewConfig, seed: number): ReturnType<typeof computeViewSubjectStats> {
  try {
    return computeViewSubjectStats(group.map((w) => ({ recording: w, seed: windowSeed(seed, w) })), view);
  } catch (error) {
    throw new TrainerError('CLI_BAD_DATA', `subject ${group[0]!.subject}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
