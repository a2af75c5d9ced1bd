/** @module Entry point of `npx nx run signals:synth -- --out <dir> --subjects 87`. */
import { runSynthCli } from './synth-cli.js';

process.exitCode = await runSynthCli(process.argv.slice(2), console);
