/**
 * @module The training half of `bench:scale`: one experiment through `trainer:distill`, locally
 * (1 and 2 threads) and as a coordinator with 1 and 2 `trainer:worker` processes on one Redis,
 * each timed by the report's own wall time (training only, data loading and artifact excluded).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExperimentReport } from '@painkd/distill';
import { runNode, type NodeProcess } from './node-process.js';

/** One timed run of the experiment. */
export interface TrainRun {
  readonly mode: 'local threads' | 'queue workers';
  /** Threads (local) or worker processes of one thread each (queue). */
  readonly workers: number;
  /** The best of the rounds (the least disturbed by other load on a shared machine). */
  readonly wallMs: number;
  /** Every round's wall time. */
  readonly wallsMs: readonly number[];
  /** Mean accuracy of every method, to show the runs computed the same thing. */
  readonly accuracies: readonly number[];
}

/**
 * Runs the experiment in `configPath` locally with `threads` threads.
 *
 * @example
 * const run = await runLocal(root, 'scale.json', 2);
 */
export async function runLocal(root: string, configPath: string, threads: number): Promise<TrainRun> {
  const run = await distill(root, ['--config', configPath, '--workers', String(threads)]);
  return { mode: 'local threads', workers: threads, wallsMs: [run.wallMs], ...run };
}

/**
 * Runs it as a coordinator on `url` with the given (already started) workers.
 *
 * @example
 * const run = await runQueued(root, 'scale.json', url, workers);
 */
export async function runQueued(root: string, configPath: string, url: string, workers: readonly NodeProcess[]): Promise<TrainRun> {
  const run = await distill(root, ['--config', configPath, '--queue', url]);
  return { mode: 'queue workers', workers: workers.length, wallsMs: [run.wallMs], ...run };
}

/**
 * Merges the rounds of one configuration: the best wall time, every round's, the first accuracies.
 *
 * @example
 * bestOf([round1, round2]).wallMs; // min of the two
 */
export function bestOf(runs: readonly TrainRun[]): TrainRun {
  const wallsMs = runs.flatMap((r) => r.wallsMs);
  return { ...runs[0]!, wallMs: Math.min(...wallsMs), wallsMs };
}

/**
 * Starts a `trainer:worker` process (one thread) and waits until it takes jobs.
 *
 * @example
 * const worker = await startWorker(root, url, 'w1');
 */
export async function startWorker(root: string, url: string, name: string): Promise<NodeProcess> {
  const worker = runNode(root, 'apps/trainer/src/worker-main.ts', ['--queue', url, '--name', name, '--concurrency', '1']);
  await worker.waitFor(/taking jobs/);
  return worker;
}

async function distill(root: string, args: readonly string[]): Promise<{ wallMs: number; accuracies: number[] }> {
  const out = await mkdtemp(join(tmpdir(), 'painkd-scale-'));
  try {
    const run = runNode(root, 'apps/trainer/src/main.ts', [...args, '--out', out]);
    const code = await run.exited;
    if (code !== 0) throw new Error(`trainer:distill ${args.join(' ')} exited with ${code}:\n${run.stderr().slice(-2000)}`);
    const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as ExperimentReport;
    return { wallMs: report.wallMs, accuracies: report.methods.map((m) => m.summary.accuracy.mean) };
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}
