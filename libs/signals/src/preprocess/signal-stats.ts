/**
 * @module Summary statistics of one or many signals (mean, population sd, min, max), pooled over
 * all samples — the per-subject statistics used by subject-scoped normalisation.
 */
import { SignalsError } from '../errors.js';
import { assertFiniteSignal, assertSignal, type SignalLike } from './arguments.js';

/** Pooled statistics of a set of samples. JSON-serialisable (it goes into manifests). */
export interface SignalStats {
  /** Arithmetic mean. */
  readonly mean: number;
  /** Population standard deviation (numpy `std()`, ddof = 0). */
  readonly sd: number;
  /** Smallest sample. */
  readonly min: number;
  /** Largest sample. */
  readonly max: number;
  /** Number of samples pooled. */
  readonly count: number;
}

/**
 * A spread at most this fraction of the signal's magnitude counts as flat: normalising it gives
 * zeros instead of amplifying rounding noise into ±1 values.
 */
export const FLAT_RELATIVE_TOLERANCE = 1e-9;

/**
 * Pools mean, sd, min and max over every sample of every window (Chan et al.'s exact parallel
 * combination of per-window two-pass moments, so any iterable is read once).
 *
 * @param windows - signals (all finite); pass `[x]` for a single signal.
 * @throws SignalsError `SIGNAL_INVALID_ARGUMENT` naming `windows[i]` for a non-finite sample or
 *   `windows` when there are no samples at all.
 *
 * @example
 * const subjectStats = computeSignalStats(windowsOfSubject); // { mean, sd, min, max, count }
 */
export function computeSignalStats(windows: Iterable<SignalLike>): SignalStats {
  let count = 0;
  let mean = 0;
  let m2 = 0;
  let min = Infinity;
  let max = -Infinity;
  let index = 0;
  for (const w of windows) {
    const name = `windows[${index++}]`;
    assertSignal(name, w);
    assertFiniteSignal(name, w);
    const n = w.length;
    if (n === 0) continue;
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const v = w[i];
      sum += v;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    const wMean = sum / n;
    let wM2 = 0;
    for (let i = 0; i < n; i++) wM2 += (w[i] - wMean) * (w[i] - wMean);
    const total = count + n;
    const delta = wMean - mean;
    mean += (delta * n) / total;
    m2 += wM2 + (delta * delta * count * n) / total;
    count = total;
  }
  if (count === 0) {
    throw new SignalsError('SIGNAL_INVALID_ARGUMENT', 'no samples to compute statistics from', { path: 'windows' }, { argument: 'windows' });
  }
  return { mean, sd: Math.sqrt(m2 / count), min, max, count };
}

/** True when `spread` is negligible next to `magnitude` (see {@link FLAT_RELATIVE_TOLERANCE}). */
export function isFlat(spread: number, magnitude: number): boolean {
  return spread <= FLAT_RELATIVE_TOLERANCE * Math.abs(magnitude);
}
