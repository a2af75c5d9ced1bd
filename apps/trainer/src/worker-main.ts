/** @module Entry point of `nx run trainer:worker`: runs the queue worker and exits with its code. */
import { runWorkerCli } from './cli/run-worker.js';

process.exitCode = await runWorkerCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
