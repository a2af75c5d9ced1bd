/** @module The input views an experiment uses (its teachers' and its students'), resolved. */
import { resolveViews, teacherRuns, type ExperimentConfig } from '@painkd/distill';
import type { ViewConfig } from '@painkd/signals';

/**
 * The resolved views the teachers and students of `config` see, by name (views it defines but no
 * net uses are left out: nothing needs their windows).
 *
 * @example
 * Object.keys(usedViews(presetConfigured)); // ['lab', 'lab-gsr', 'wrist']
 */
export function usedViews(config: ExperimentConfig): Record<string, ViewConfig> {
  const all = resolveViews(config);
  const names = new Set([...teacherRuns(config).map((t) => t.view), config.student.view]);
  return Object.fromEntries([...names].map((name) => [name, all[name]!]));
}
