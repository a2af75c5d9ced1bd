/**
 * @module Fixing a signal's length: pads at the end or truncates from the end, so sample 0 keeps
 * its time.
 */
import { assertInteger, assertSignal, invalidArgument, type SignalLike } from './arguments.js';

/** How the end is padded: repeat the last sample (`'edge'`) or append zeros (`'zeros'`). */
export type PadMode = 'edge' | 'zeros';

/** Options of {@link padOrTruncate}. */
export interface PadOrTruncateOptions {
  /**
   * Padding; default `'edge'`: zeros (the seed notebook's `np.pad`) put a step into a signal with a
   * level, like skin conductance, which normalisation then turns into a large fake feature.
   */
  readonly mode?: PadMode;
}

/**
 * Returns a new Float64Array of exactly `length` samples: the first `length` samples of `x` when
 * it is longer (truncated from the end), otherwise `x` followed by padding at the end.
 *
 * @throws SignalsError `SIGNAL_INVALID_ARGUMENT` naming `x` (edge padding of an empty signal),
 *   `length` or `options.mode`.
 *
 * @example
 * padOrTruncate(new Float64Array([1, 2, 3]), 5); // [1, 2, 3, 3, 3]
 * padOrTruncate(new Float64Array([1, 2, 3]), 5, { mode: 'zeros' }); // [1, 2, 3, 0, 0]
 * padOrTruncate(new Float64Array([1, 2, 3]), 2); // [1, 2]
 */
export function padOrTruncate(x: SignalLike, length: number, options: PadOrTruncateOptions = {}): Float64Array {
  assertSignal('x', x);
  assertInteger('length', length, 0);
  const mode = options.mode ?? 'edge';
  if (mode !== 'edge' && mode !== 'zeros') invalidArgument('options.mode', `must be 'edge' or 'zeros', got ${String(mode)}`);
  const y = new Float64Array(length);
  const kept = Math.min(length, x.length);
  for (let i = 0; i < kept; i++) y[i] = x[i];
  if (kept < length && mode === 'edge') {
    if (x.length === 0) invalidArgument('x', 'cannot edge-pad an empty signal');
    y.fill(x[x.length - 1], kept);
  }
  return y;
}
