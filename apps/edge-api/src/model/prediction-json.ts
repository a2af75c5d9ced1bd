/**
 * @module The JSON of predictions: one window's (with its quality, or `rejected` when it was not
 * predicted), a streamed window's (the same, with where it lies in the stream), and a recording's
 * aggregate over its windows — mean probabilities and their most probable level, plus the highest
 * level any window reached.
 */
import { QUALITY_FLAGS } from '@painkd/signals';
import type { CompletedWindow } from '../streaming/window-stream.js';
import { round3, type WindowQuality, type WindowResult } from './predict-service.js';

/** One window's answer. */
export type WindowJson =
  | { readonly level: number; readonly label: string; readonly probabilities: readonly number[]; readonly quality: WindowQuality }
  | { readonly rejected: true; readonly quality: WindowQuality };

/** A window completed by a stream (an NDJSON upload or a session): where it lies, and its answer. */
export type StreamedWindowJson = WindowJson & {
  readonly window: number;
  readonly seq: number;
  readonly startSeconds: number;
  readonly endSeconds: number;
};

/** A recording's answer over its windows. */
export interface AggregateJson {
  /** Most probable level of the mean probabilities. */
  readonly level: number;
  readonly label: string;
  /** Mean of the windows' probabilities. */
  readonly probabilities: readonly number[];
  /** Highest level predicted for any window. */
  readonly maxLevel: number;
  readonly maxLabel: string;
  /** `ok` when every window is; the union of their flags. */
  readonly quality: WindowQuality;
}

/**
 * A window's result as JSON.
 *
 * @example
 * windowJson({ quality: { ok: true, flags: [] }, prediction: { level: 1, label: 'PA1', probabilities } });
 */
export function windowJson(result: WindowResult): WindowJson {
  const p = result.prediction;
  if (p === undefined) return { rejected: true, quality: result.quality };
  return { level: p.level, label: p.label, probabilities: p.probabilities, quality: result.quality };
}

/**
 * A streamed window's result as JSON: its number, the chunk that completed it, its times (s, to
 * the µs), then {@link windowJson}.
 *
 * @example
 * streamedWindowJson(completed[0], results[0]); // { window: 0, seq: 5, startSeconds: 0, endSeconds: 5.5, level: 1, … }
 */
export function streamedWindowJson(window: CompletedWindow, result: WindowResult): StreamedWindowJson {
  return { window: window.index, seq: window.seq, startSeconds: round3(window.startSeconds), endSeconds: round3(window.endSeconds), ...windowJson(result) };
}

/**
 * The aggregate of a recording's predicted windows (at least one). With one window it is that
 * window's prediction.
 *
 * @example
 * aggregateJson(results, ['BL1', 'PA1', 'PA2', 'PA3', 'PA4']).maxLabel; // 'PA3'
 */
export function aggregateJson(results: readonly WindowResult[], labels: readonly string[]): AggregateJson {
  const predicted = results.flatMap((r) => (r.prediction === undefined ? [] : [r.prediction]));
  const first = predicted[0];
  if (first === undefined) throw new Error('aggregateJson needs at least one predicted window');
  const probabilities = predicted.length === 1 ? first.probabilities : first.probabilities.map((_, k) => predicted.reduce((s, p) => s + (p.probabilities[k] ?? 0), 0) / predicted.length);
  let level = 0;
  for (let k = 1; k < probabilities.length; k++) if ((probabilities[k] as number) > (probabilities[level] as number)) level = k;
  const maxLevel = Math.max(...predicted.map((p) => p.level));
  const raised = new Set(results.flatMap((r) => r.quality.flags));
  const flags = QUALITY_FLAGS.filter((f) => raised.has(f));
  return {
    level,
    label: labels[level] ?? String(level),
    probabilities,
    maxLevel,
    maxLabel: labels[maxLevel] ?? String(maxLevel),
    quality: { ok: results.every((r) => r.quality.ok), flags },
  };
}
