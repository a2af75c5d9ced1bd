/**
 * @module `trainer:worker`: joins the queue at `--queue` and trains experiment jobs (of any
 * coordinator) on `--concurrency` worker threads until stopped. Ctrl-C / SIGTERM stop taking jobs
 * and let the running ones finish (twice: stop now; the jobs go to other workers once stalled).
 */
import { join } from 'node:path';
import { startQueueWorker } from '@painkd/distill/queue';
import { repoRoot, userPath } from './paths.js';
import { WORKER_USAGE } from './worker-usage.js';
import { parseWorkerArgs } from './worker-args.js';
import type { CliIo } from './run-distill.js';
import { workerDataset } from '../data/queue-dataset.js';
import { exitCodeOf } from '../errors.js';

/**
 * Runs the worker until a signal stops it; returns the exit code (0 after a clean stop, 2 for a
 * bad flag, 1 when it cannot start, e.g. no Redis at `--queue`).
 *
 * @example
 * process.exitCode = await runWorkerCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
 */
export async function runWorkerCli(argv: readonly string[], io: CliIo): Promise<number> {
  const log = (line: string): void => void io.stderr.write(`${new Date().toISOString()} ${line}\n`);
  try {
    const cli = parseWorkerArgs(argv);
    if (cli.help) {
      io.stdout.write(`${WORKER_USAGE}\n`);
      return 0;
    }
    const worker = await startQueueWorker({
      url: cli.queue,
      concurrency: cli.concurrency,
      backend: cli.backend,
      stallSeconds: cli.stallSeconds,
      ...(cli.name ? { name: cli.name } : {}),
      resolveDataset: workerDataset({ cacheDir: join(repoRoot(), '.cache', 'painkd'), ...(cli.data ? { data: userPath(cli.data) } : {}) }),
      log,
    });
    await new Promise<void>((resolve) => {
      let stops = 0;
      const stop = (): void => {
        if (++stops > 1) process.exit(130);
        log('stopping: no new jobs; waiting for the running ones (signal again to stop now)');
        resolve();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    await worker.close();
    log('stopped');
    return 0;
  } catch (error) {
    io.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    return exitCodeOf(error);
  }
}
