/**
 * @module The last step of `scripts/gpu-check.sh`: reads bench:train's JSON and the trainer's
 * report.json, writes `bench/gpu.json` and prints the goals. Flags: `--train <file>`,
 * `--report <file>`, `--args <trainer flags>`, `--wall-ms <ms>`, `--out <file>`.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { formatGpuSummary, gpuSummary, type DistillRun, type TrainBench } from './gpu-summary.js';

function flag(name: string): string {
  const i = process.argv.indexOf(name);
  const value = i >= 0 ? process.argv[i + 1] : undefined;
  if (value === undefined) throw new Error(`missing ${name} <value>`);
  return value;
}

const train = JSON.parse(await readFile(resolve(flag('--train')), 'utf8')) as TrainBench;
const report = JSON.parse(await readFile(resolve(flag('--report')), 'utf8')) as DistillRun;
const summary = gpuSummary(train, report, { args: flag('--args'), wallSeconds: Number(flag('--wall-ms')) / 1000 });
const out = resolve(flag('--out'));
await mkdir(dirname(out), { recursive: true });
await writeFile(out, `${JSON.stringify(summary, null, 2)}\n`);
console.log(`${formatGpuSummary(summary)}\nwrote ${out}`);
