/** @module Raw GSR recordings → preprocessed model windows (a `WindowDataset`), subject by subject. */
import type { WindowDataset } from '@painkd/distill';
import { CLASS_LABELS, computeSubjectStats, preprocessWindow, type PreprocessConfig, type SignalStats } from '@painkd/signals';
import { TrainerError } from '../errors.js';

/** One raw window of one subject. */
export interface RawWindow {
  readonly subject: string;
  readonly classIndex: number;
  readonly sampleRate: number;
  readonly gsr: Float32Array;
  /** Where it came from, for error messages (file path or trial id). */
  readonly origin: string;
}

/**
 * Preprocesses windows with `preprocessWindow` (one GSR channel) into a {@link WindowDataset}.
 * Windows must arrive grouped by subject (both sources sort by subject). For normalisation scope
 * `subject`, each subject's statistics come from all of that subject's windows (an unsupervised,
 * per-person calibration that uses no labels — the same a device does with a calibration period).
 *
 * @example
 * const data = await buildDataset(rawWindows(), preprocess, 8700);
 */
export async function buildDataset(windows: AsyncIterable<RawWindow> | Iterable<RawWindow>, preprocess: PreprocessConfig, expected = 0): Promise<WindowDataset> {
  const length = preprocess.windowSamples;
  let x = new Float32Array(Math.max(1, expected) * length);
  const labels: number[] = [];
  const subjectOf: number[] = [];
  const subjects: string[] = [];
  let group: RawWindow[] = [];
  const flush = (): void => {
    if (group.length === 0) return;
    const stats = preprocess.normalization.scope === 'subject' ? subjectStats(group, preprocess) : undefined;
    const s = subjects.length;
    subjects.push(group[0].subject);
    for (const w of group) {
      let window: Float32Array;
      try {
        window = preprocessWindow(w.gsr, w.sampleRate, preprocess, stats);
      } catch (error) {
        const code = (error as { code?: string }).code;
        throw new TrainerError('CLI_BAD_DATA', `${w.origin}: ${error instanceof Error ? error.message : String(error)}${code ? ` [${code}]` : ''}`, { cause: error });
      }
      const i = labels.length;
      if ((i + 1) * length > x.length) {
        const grown = new Float32Array(Math.max(2 * x.length, (i + 1) * length));
        grown.set(x);
        x = grown;
      }
      x.set(window, i * length);
      labels.push(w.classIndex);
      subjectOf.push(s);
    }
    group = [];
  };
  for await (const w of windows) {
    if (group.length > 0 && group[0].subject !== w.subject) flush();
    if (subjects.includes(w.subject)) throw new TrainerError('CLI_BAD_DATA', `${w.origin}: windows of subject ${w.subject} are not contiguous`);
    group.push(w);
  }
  flush();
  return {
    x: x.slice(0, labels.length * length),
    labels: Int32Array.from(labels),
    subjectOf: Int32Array.from(subjectOf),
    subjects,
    length,
    channels: 1,
    classes: CLASS_LABELS.length,
  };
}

function subjectStats(group: readonly RawWindow[], preprocess: PreprocessConfig): SignalStats {
  try {
    return computeSubjectStats(group.map((w) => w.gsr), group[0].sampleRate, preprocess);
  } catch (error) {
    throw new TrainerError('CLI_BAD_DATA', `subject ${group[0].subject}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
