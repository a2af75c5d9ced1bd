/** @module Entry point of `nx run trainer:distill`: runs the CLI and exits with its code. */
import { runDistillCli } from './cli/run-distill.js';

process.exitCode = await runDistillCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
