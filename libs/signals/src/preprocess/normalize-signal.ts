/**
 * @module Normalisation by method and scope: dispatches to z-score or min-max with the window's
 * own statistics (`scope: 'window'`) or given per-subject statistics (`scope: 'subject'`).
 */
import { assertSignal, invalidArgument, type SignalLike } from './arguments.js';
import { minMaxNormalize } from './min-max-normalize.js';
import type { SignalStats } from './signal-stats.js';
import { zScoreNormalize } from './z-score-normalize.js';

/** Normalisation method: z-score, min-max to [0, 1], or none. */
export type NormalizationMethod = 'zscore' | 'minmax' | 'none';

/** Whose statistics normalise a window: the window's own, or its subject's. */
export type NormalizationScope = 'window' | 'subject';

/** How windows are normalised. */
export interface NormalizationConfig {
  readonly method: NormalizationMethod;
  readonly scope: NormalizationScope;
}

/**
 * Normalises `x` as `config` says. Scope `'subject'` needs `subjectStats` (pooled statistics of
 * that subject's windows at the same preprocessing stage; see `computeSubjectStats`); method
 * `'none'` returns a copy.
 *
 * @throws SignalsError `SIGNAL_INVALID_ARGUMENT` naming `subjectStats` when scope is `'subject'`
 *   and none are given, or naming `config.method` / `config.scope` when unknown.
 *
 * @example
 * normalizeSignal(x, { method: 'zscore', scope: 'subject' }, computeSignalStats(subjectWindows));
 */
export function normalizeSignal(x: SignalLike, config: NormalizationConfig, subjectStats?: SignalStats): Float64Array {
  assertSignal('x', x);
  if (config.scope !== 'window' && config.scope !== 'subject') {
    invalidArgument('config.scope', `must be 'window' or 'subject', got ${String(config.scope)}`);
  }
  const stats = config.scope === 'subject' && config.method !== 'none' ? requireStats(subjectStats) : undefined;
  switch (config.method) {
    case 'zscore':
      return zScoreNormalize(x, stats);
    case 'minmax':
      return minMaxNormalize(x, stats);
    case 'none':
      return Float64Array.from(x);
    default:
      return invalidArgument('config.method', `must be 'zscore', 'minmax' or 'none', got ${String(config.method)}`);
  }
}

function requireStats(stats: SignalStats | undefined): SignalStats {
  if (stats === undefined) invalidArgument('subjectStats', "is required when normalization scope is 'subject'");
  return stats;
}
