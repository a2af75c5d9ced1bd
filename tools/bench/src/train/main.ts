/**
 * @module `npx nx run bench:train`: training throughput of painkd's nets (tfjs wasm, and tfjs cpu
 * for reference) against the identical nets in PyTorch 1.13 (CPU), same batch (64), same
 * threads (1: tfjs-wasm is single-threaded under Node), Adam, cross-entropy, random windows.
 * Prints samples/s by process CPU time (wall time in parentheses) and the ratio painkd/PyTorch;
 * writes `bench/train.json` at the repository root.
 *
 * Flags: `--nets a,b` (default teacher-cnn,student-tiny,seed-conv1d), `--backends wasm,cpu`,
 * `--seconds <per window>` (default 1), `--windows <n>` (default 5), `--batch <n>` (64),
 * `--threads <n>` (PyTorch threads, default 1), `--no-torch`, `--profile` (per-kernel breakdown
 * of one wasm step per net: where the time goes).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildNetSpec, countParams } from '@painkd/models';
import { timePainkdTraining } from './painkd-train.js';
import { profileTrainingStep } from './profile-kernels.js';
import { formatTrainTable, trainRatio, type TrainRow } from './train-report.js';
import type { TimingPlan, TrainTiming } from './train-timing.js';
import { timeTorchTraining } from './torch-train.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

function flag(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

async function main(): Promise<void> {
  const nets = flag('--nets', 'teacher-cnn,student-tiny,seed-conv1d').split(',');
  const backends = flag('--backends', 'wasm,cpu').split(',') as ('wasm' | 'cpu')[];
  const batch = Number(flag('--batch', '64'));
  const threads = Number(flag('--threads', '1'));
  const seconds = Number(flag('--seconds', '1'));
  const windows = Number(flag('--windows', '5'));
  const withTorch = !process.argv.includes('--no-torch');
  const io = { inputLength: 176, channels: 1, classes: 5 };
  const plan: TimingPlan = { warmup: 5, windows, seconds, minSteps: 2 };
  // tfjs-cpu is ~50× slower: time it briefly, for reference only.
  const cpuPlan: TimingPlan = { warmup: 1, windows: 1, seconds: Math.min(seconds, 2), minSteps: 2 };
  console.log(`bench:train — batch ${batch}, L = ${io.inputLength}, Adam, ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`);
  console.log(`threads: tfjs-wasm 1 (no wasm threads under Node), tfjs-cpu 1, PyTorch ${threads}`);
  const rows: TrainRow[] = [];
  let torchNote: string | undefined;
  for (const arch of nets) {
    const spec = buildNetSpec(arch, {}, io);
    const params = countParams(spec).trainable;
    const painkd: Record<string, TrainTiming> = {};
    for (const backend of backends) {
      painkd[backend] = await timePainkdTraining(spec, { backend, batch, seed: 1, plan: backend === 'cpu' ? cpuPlan : plan });
      console.log(`  ${arch} painkd ${backend}: ${painkd[backend]!.cpuMsPerStep.toFixed(1)} ms/step CPU, ${painkd[backend]!.wallMsPerStep.toFixed(1)} ms/step wall`);
    }
    let torch: TrainTiming | undefined;
    if (withTorch && torchNote === undefined) {
      const result = timeTorchTraining(spec, { batch, threads, seed: 1, plan });
      if (result.ok) {
        torch = result.timing;
        if (result.params !== params) throw new Error(`${arch}: PyTorch twin has ${result.params} parameters, painkd ${params}`);
        console.log(`  ${arch} PyTorch ${result.version}: ${torch.cpuMsPerStep.toFixed(1)} ms/step CPU, ${torch.wallMsPerStep.toFixed(1)} ms/step wall`);
      } else {
        torchNote = result.reason;
        console.log(`  PyTorch column skipped: ${result.reason}`);
      }
    }
    rows.push({ net: arch, params, painkd, ...(torch ? { torch } : {}) });
    if (process.argv.includes('--profile')) {
      const profile = await profileTrainingStep(spec, 'wasm', batch, 5);
      const step = painkd['wasm']?.cpuMsPerStep;
      const top = profile.kernels.slice(0, 8).map((k) => `${k.kernel} ${k.ms.toFixed(1)} ms/${k.calls}`);
      console.log(`  ${arch} wasm step: ${profile.kernelCalls} kernel calls, ${profile.kernelMs.toFixed(1)} ms in kernels${step ? `, ${(step - profile.kernelMs).toFixed(1)} ms outside (JS)` : ''}; ${top.join(', ')}`);
    }
  }
  console.log('\nsamples/s by process CPU time (wall time in parentheses); ratio = painkd / PyTorch\n');
  console.log(formatTrainTable(rows, backends));
  const verdicts = rows.flatMap((r) => {
    const ratio = trainRatio(r, 'wasm')?.cpu;
    return ratio === undefined ? [] : [`${r.net} ${ratio.toFixed(2)}× ${ratio >= 0.5 ? 'met' : 'not met'}`];
  });
  if (verdicts.length > 0) console.log(`\ngoal ≥ 0.5× PyTorch (wasm, CPU time; the goal is set for the teacher and student, seed-conv1d is for comparison): ${verdicts.join(', ')}`);
  const out = join(repoRoot, 'bench', 'train.json');
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify({ createdAt: new Date().toISOString(), batch, threads, plan, rows, torchSkipped: torchNote ?? null }, null, 2)}\n`);
  console.log(`wrote ${out}`);
}

await main();
