/**
 * @module Short labels the Markdown and HTML reports share, so both say the same thing: which
 * (repeat, fold) a number comes from, what view a net saw, and what scored the BL1-vs-PA4 task.
 */
import type { ExperimentReport, FoldResult, MethodResult, ViewSummary } from './report-types.js';

/**
 * The number of CV repeats of a report: `cv.repeats`, or (for a report written before repeats
 * existed) one more than the highest fold's `repeat`, at least 1.
 *
 * @example
 * repeatsOf(report); // 3
 */
export function repeatsOf(report: Pick<ExperimentReport, 'cv' | 'methods'>): number {
  const given = report.cv.repeats;
  if (typeof given === 'number' && Number.isInteger(given) && given >= 1) return given;
  let highest = 0;
  for (const m of report.methods) for (const f of m.folds) highest = Math.max(highest, repeatOf(f));
  return highest + 1;
}

/** A fold's repeat, 0 when the field is missing (reports written before repeated CV). */
export function repeatOf(fold: Pick<FoldResult, 'repeat'>): number {
  const r = fold.repeat;
  return typeof r === 'number' && Number.isInteger(r) && r >= 0 ? r : 0;
}

/**
 * Every (repeat, fold) pair any method ran, in run order, each as the first fold result seen for
 * it (so its test subjects are at hand): the columns of both reports' per-fold tables.
 *
 * @example
 * foldPairs(report.methods).map((f) => foldLabel(f, 2)); // ['r1 f1', 'r1 f2', 'r2 f1', 'r2 f2']
 */
export function foldPairs(methods: readonly Pick<MethodResult, 'folds'>[]): FoldResult[] {
  const pairs = new Map<string, FoldResult>();
  for (const m of methods) for (const f of m.folds) if (!pairs.has(`${repeatOf(f)}:${f.fold}`)) pairs.set(`${repeatOf(f)}:${f.fold}`, f);
  return [...pairs.values()].sort((a, b) => repeatOf(a) - repeatOf(b) || a.fold - b.fold);
}

/**
 * A method's result on one (repeat, fold) pair, if it ran it.
 *
 * @example
 * foldAt(method, { repeat: 1, fold: 0 })?.metrics.accuracy;
 */
export function foldAt(method: Pick<MethodResult, 'folds'>, pair: Pick<FoldResult, 'repeat' | 'fold'>): FoldResult | undefined {
  return method.folds.find((f) => repeatOf(f) === repeatOf(pair) && f.fold === pair.fold);
}

/**
 * Names one (repeat, fold) pair, 1-based: `r2 f3` when the run repeated its CV, else `fold 3`.
 *
 * @example
 * foldLabel({ repeat: 1, fold: 2 }, 3); // 'r2 f3'
 * foldLabel({ repeat: 0, fold: 2 }, 1); // 'fold 3'
 */
export function foldLabel(fold: Pick<FoldResult, 'repeat' | 'fold'>, repeats: number): string {
  return repeats > 1 ? `r${repeatOf(fold) + 1} f${fold.fold + 1}` : `fold ${fold.fold + 1}`;
}

/**
 * What the BL1-vs-PA4 figures of a multiclass run are: the multiclass model itself, restricted to
 * its two logits, not a model trained on the binary task.
 *
 * @param classes - the run's class count (5 for BioVid's pain levels).
 * @example
 * binaryScoringNote(5); // 'scored by the 5-class model on BL1 and PA4 windows with its two logits (BL1, PA4) only, not by a model trained on the binary task'
 */
export function binaryScoringNote(classes: number): string {
  return `scored by the ${classes}-class model on BL1 and PA4 windows with its two logits (BL1, PA4) only, not by a model trained on the binary task`;
}

/**
 * One line about an input view: channels, model rate, window and sensor.
 *
 * @example
 * viewLabel(wrist); // 'wrist: gsr:level at 4 Hz, 22 samples, simulated wearable'
 * viewLabel(lab); // 'lab: 5 channels at 32 Hz, 176 samples, lab recording'
 */
export function viewLabel(view: ViewSummary): string {
  const channels = view.channels.length === 1 ? (view.channels[0] ?? '') : `${view.channels.length} channels`;
  return `${view.name}: ${channels} at ${view.sampleRate} Hz, ${view.windowSamples} samples, ${sensorLabel(view)}`;
}

/**
 * Where a view's signal comes from: the lab recording, or lab GSR through the simulated wrist sensor.
 *
 * @example
 * sensorLabel({ wearable: true }); // 'simulated wearable'
 */
export function sensorLabel(view: Pick<ViewSummary, 'wearable'>): string {
  return view.wearable ? 'simulated wearable' : 'lab recording';
}
