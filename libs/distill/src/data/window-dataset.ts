/** @module The in-memory window set every fold, trainer and metric works on. */
import { DistillError } from '../errors.js';

/**
 * Preprocessed windows with their labels and subjects, channels-last (`[n, length, channels]`
 * row-major in `x`), ready to become a tfjs `[batch, length, channels]` tensor.
 */
export interface WindowDataset {
  /** `n · length · channels` samples, window-major. */
  readonly x: Float32Array;
  /** Class index of each window, `[0, classes)`. */
  readonly labels: Int32Array;
  /** Index into `subjects` of each window. */
  readonly subjectOf: Int32Array;
  /** Subject ids, each used by at least one window. */
  readonly subjects: readonly string[];
  readonly length: number;
  readonly channels: number;
  readonly classes: number;
}

/**
 * Checks every invariant of a {@link WindowDataset} and returns it; throws `DATASET_INVALID`
 * naming the first broken one.
 *
 * @example
 * const data = validateDataset({ x, labels, subjectOf, subjects, length: 176, channels: 1, classes: 5 });
 */
export function validateDataset(data: WindowDataset): WindowDataset {
  const n = data.labels.length;
  const fail = (message: string): never => {
    throw new DistillError('DATASET_INVALID', message);
  };
  if (n === 0) fail('the dataset has no windows');
  if (data.x.length !== n * data.length * data.channels) {
    fail(`x has ${data.x.length} samples, expected ${n} windows × ${data.length} × ${data.channels}`);
  }
  if (data.subjectOf.length !== n) fail(`subjectOf has ${data.subjectOf.length} entries for ${n} windows`);
  if (new Set(data.subjects).size !== data.subjects.length) fail('subject ids must be unique');
  const used = new Uint8Array(data.subjects.length);
  for (let i = 0; i < n; i++) {
    if (data.labels[i] < 0 || data.labels[i] >= data.classes) fail(`window ${i} has label ${data.labels[i]} outside [0, ${data.classes})`);
    const s = data.subjectOf[i];
    if (s < 0 || s >= data.subjects.length) fail(`window ${i} has subject index ${s} outside [0, ${data.subjects.length})`);
    used[s] = 1;
  }
  const unused = data.subjects.filter((_, s) => used[s] === 0);
  if (unused.length > 0) fail(`subjects without windows: ${unused.join(', ')}`);
  for (let i = 0; i < data.x.length; i++) {
    if (!Number.isFinite(data.x[i])) fail(`sample ${i % (data.length * data.channels)} of window ${Math.floor(i / (data.length * data.channels))} is not finite`);
  }
  return data;
}

/**
 * Copies the windows at `indices` into a new contiguous `Float32Array` (`[indices.length, length,
 * channels]`), the layout a tfjs tensor is made from.
 *
 * @example
 * const xTrain = gatherWindows(data, fold.train);
 */
export function gatherWindows(data: WindowDataset, indices: Int32Array): Float32Array {
  const size = data.length * data.channels;
  const out = new Float32Array(indices.length * size);
  for (let i = 0; i < indices.length; i++) out.set(data.x.subarray(indices[i] * size, (indices[i] + 1) * size), i * size);
  return out;
}

/**
 * The labels of the windows at `indices`.
 *
 * @example
 * const yTest = gatherLabels(data, fold.test);
 */
export function gatherLabels(data: WindowDataset, indices: Int32Array): Int32Array {
  const out = new Int32Array(indices.length);
  for (let i = 0; i < indices.length; i++) out[i] = data.labels[indices[i]];
  return out;
}

/**
 * Keeps only the windows whose label is in `keep`, relabelled `0 … keep.length − 1` in `keep`'s
 * order (the binary task keeps `[0, 4]`: BL1 → 0, PA4 → 1).
 *
 * @example
 * const binary = selectClasses(data, [0, 4]);
 */
export function selectClasses(data: WindowDataset, keep: readonly number[]): WindowDataset {
  const map = new Int32Array(data.classes).fill(-1);
  keep.forEach((c, i) => (map[c] = i));
  const idx: number[] = [];
  for (let i = 0; i < data.labels.length; i++) if (map[data.labels[i]] >= 0) idx.push(i);
  const indices = Int32Array.from(idx);
  const labels = new Int32Array(indices.length);
  const subjectOf = new Int32Array(indices.length);
  indices.forEach((w, i) => {
    labels[i] = map[data.labels[w]];
    subjectOf[i] = data.subjectOf[w];
  });
  return { ...data, x: gatherWindows(data, indices), labels, subjectOf, classes: keep.length };
}

/**
 * Checks that views of one recording set are aligned: the same number of windows, labels,
 * subjects and subject of every window, so window i of each is the same recording and one set of
 * folds indexes them all. Throws `DATASET_INVALID` naming the first view and window that differ.
 *
 * @example
 * assertAlignedViews({ lab, wrist });
 */
export function assertAlignedViews(views: Readonly<Record<string, WindowDataset>>): void {
  const entries = Object.entries(views);
  const [firstName, first] = entries[0] ?? [];
  if (!first) return;
  for (const [name, view] of entries.slice(1)) {
    const fail = (what: string): never => {
      throw new DistillError('DATASET_INVALID', `views "${firstName}" and "${name}" are not aligned: ${what}`);
    };
    if (view.labels.length !== first.labels.length) fail(`${first.labels.length} vs ${view.labels.length} windows`);
    if (view.subjects.join('\u0000') !== first.subjects.join('\u0000')) fail('different subject lists');
    for (let i = 0; i < first.labels.length; i++) {
      if (view.labels[i] !== first.labels[i] || view.subjectOf[i] !== first.subjectOf[i]) fail(`window ${i} has a different label or subject`);
    }
  }
}
