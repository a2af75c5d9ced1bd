/**
 * @module The last step of `scripts/gpu-check.sh`: reads bench:train's JSON and the trainer's
 * report.json, writes `bench/gpu.json` and prints the goals. Flags, all required: `--train <file>`,
 * `--report <file>`, `--args=<trainer flags>` (with `=`: the value starts with `--`),
 * `--wall-ms <ms>`, `--out <file>`. A missing or unknown flag exits 2 with the usage.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { benchArgs } from '../cli/bench-args.js';
import { formatGpuSummary, gpuSummary, type DistillRun, type TrainBench } from './gpu-summary.js';

const args = benchArgs({
  bench: 'gpu-check',
  usage: '--train <file> --report <file> --args=<trainer flags> --wall-ms <ms> --out <file>',
  flags: {
    train: { type: 'string', required: true },
    report: { type: 'string', required: true },
    args: { type: 'string', required: true },
    'wall-ms': { type: 'number', required: true },
    out: { type: 'string', required: true },
  },
});

const train = JSON.parse(await readFile(resolve(args.train), 'utf8')) as TrainBench;
const report = JSON.parse(await readFile(resolve(args.report), 'utf8')) as DistillRun;
const summary = gpuSummary(train, report, { args: args.args, wallSeconds: args['wall-ms'] / 1000 });
const out = resolve(args.out);
await mkdir(dirname(out), { recursive: true });
await writeFile(out, `${JSON.stringify(summary, null, 2)}\n`);
console.log(`${formatGpuSummary(summary)}\nwrote ${out}`);
