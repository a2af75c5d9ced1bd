/**
 * @module The committed full-protocol results (`docs/results/<name>/report.json`) and the README
 * blocks generated from them. `npx nx run trainer:results` rewrites the blocks; a test fails when
 * the README and the committed reports disagree.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExperimentReport } from '@painkd/distill';
import { replaceBlocks } from './readme-blocks.js';
import { methodTable, sweepTable, verdictCounts } from './results-tables.js';

/** The committed result sets, by folder name under `docs/results/`. */
export const RESULT_SETS = ['default-full', 'privileged-full'] as const;

/** A committed result set's folder name. */
export type ResultSet = (typeof RESULT_SETS)[number];

/**
 * Reads the committed report of every result set under `root/docs/results`.
 *
 * @example
 * const reports = await readResults(repoRoot());
 */
export async function readResults(root: string): Promise<Record<ResultSet, ExperimentReport>> {
  const entries = await Promise.all(
    RESULT_SETS.map(async (name) => [name, JSON.parse(await readFile(join(root, 'docs', 'results', name, 'report.json'), 'utf8')) as ExperimentReport] as const),
  );
  return Object.fromEntries(entries) as Record<ResultSet, ExperimentReport>;
}

/**
 * The README with every results block regenerated from `reports`.
 *
 * @example
 * const next = readmeWithResults(readme, await readResults(root));
 */
export function readmeWithResults(readme: string, reports: Readonly<Record<ResultSet, ExperimentReport>>): string {
  const privileged = reports['privileged-full'];
  return replaceBlocks(readme, {
    'default-full': methodTable(reports['default-full']),
    'privileged-full': `${methodTable(privileged)}\n\n${verdictCounts(privileged)}.`,
    'privileged-sweep': sweepTable(privileged),
  });
}
