/**
 * @module `npx nx run bench:train`: training throughput of painkd's nets (tfjs wasm, tfjs webgpu
 * on whatever adapter Dawn finds, and tfjs cpu for reference) against the identical nets in
 * PyTorch (CPU; CUDA too with `--torch-devices cpu,cuda`), same batch (64), same threads (1:
 * tfjs-wasm is single-threaded under Node), Adam, cross-entropy, random windows. Prints
 * samples/s by process CPU time (wall time in parentheses), the ratio painkd/PyTorch, and for
 * webgpu its wall-time ratios to wasm and PyTorch CUDA with the adapter named; writes
 * `bench/train.json` at the repository root (or `--out`).
 *
 * Flags: `--nets a,b` (default teacher-cnn,student-tiny,seed-conv1d), `--backends
 * wasm,webgpu,cpu`, `--seconds <per window>` (default 1), `--windows <n>` (default 5),
 * `--batch <n>` (64), `--threads <n>` (PyTorch threads, default 1), `--no-torch`,
 * `--torch-devices cpu[,cuda]`, `--python <path>` (default /usr/bin/python3), `--out <file>`,
 * `--profile` (per-kernel breakdown of one wasm step per net: where the time goes; with webgpu,
 * the dispatches of one step). An unknown flag or a bad value exits 2 with the usage.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildNetSpec, countParams, describeAdapter, type GpuAdapterInfo } from '@painkd/models';
import { benchArgs } from '../cli/bench-args.js';
import { countDispatches } from './dispatch-count.js';
import { timePainkdTraining, type PainkdBenchBackend } from './painkd-train.js';
import { profileTrainingStep } from './profile-kernels.js';
import { formatTrainTable, gpuRatio, trainRatio, type TrainRow } from './train-report.js';
import type { TimingPlan, TrainTiming } from './train-timing.js';
import { timeTorchTraining, type TorchResult } from './torch-train.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

const args = benchArgs({
  bench: 'train',
  usage:
    '[--nets a,b] [--backends wasm,webgpu,cpu] [--seconds <s>] [--windows <n>] [--batch <n>] [--threads <n>] [--no-torch] [--torch-devices cpu[,cuda]] [--python <path>] [--out <file>] [--profile]',
  flags: {
    nets: { type: 'list', default: ['teacher-cnn', 'student-tiny', 'seed-conv1d'] },
    backends: { type: 'list', default: ['wasm', 'webgpu', 'cpu'] },
    seconds: { type: 'number', default: 1 },
    windows: { type: 'integer', default: 5 },
    batch: { type: 'integer', default: 64 },
    threads: { type: 'integer', default: 1 },
    'no-torch': { type: 'boolean' },
    'torch-devices': { type: 'list', default: ['cpu'] },
    python: { type: 'string', default: '/usr/bin/python3' },
    out: { type: 'string', default: join(repoRoot, 'bench', 'train.json') },
    profile: { type: 'boolean' },
  },
});

async function main(): Promise<void> {
  const nets = args.nets;
  const backends = args.backends as readonly PainkdBenchBackend[];
  const torchDevices = args['torch-devices'] as readonly ('cpu' | 'cuda')[];
  const { python, batch, threads, seconds, windows } = args;
  const out = resolve(args.out);
  const withTorch = !args['no-torch'];
  const io = { inputLength: 176, channels: 1, classes: 5 };
  const plan: TimingPlan = { warmup: 5, windows, seconds, minSteps: 2 };
  // tfjs-cpu is ~50× slower, and a software GPU (lavapipe) slower still: time them briefly, for reference only.
  const briefPlan: TimingPlan = { warmup: 1, windows: 1, seconds: Math.min(seconds, 2), minSteps: 2 };
  const planFor = (backend: PainkdBenchBackend) => (adapter: GpuAdapterInfo | undefined) => (backend === 'cpu' || adapter?.software ? briefPlan : plan);
  console.log(`bench:train — batch ${batch}, L = ${io.inputLength}, Adam, ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`);
  console.log(`threads: tfjs-wasm 1 (no wasm threads under Node), tfjs-cpu 1, PyTorch ${threads}`);
  const rows: TrainRow[] = [];
  const torchNotes = new Map<string, string>();
  const failed = new Map<string, string>();
  let adapter: GpuAdapterInfo | undefined;
  for (const arch of nets) {
    const spec = buildNetSpec(arch, {}, io);
    const params = countParams(spec).trainable;
    const painkd: Record<string, TrainTiming> = {};
    for (const backend of backends.filter((b) => !failed.has(b))) {
      try {
        const result = await timePainkdTraining(spec, { backend, batch, seed: 1, plan: planFor(backend) });
        painkd[backend] = result.timing;
        adapter ??= result.adapter;
        console.log(`  ${arch} painkd ${backend}: ${result.timing.cpuMsPerStep.toFixed(1)} ms/step CPU, ${result.timing.wallMsPerStep.toFixed(1)} ms/step wall`);
      } catch (error) {
        failed.set(backend, error instanceof Error ? error.message : String(error));
        console.log(`  painkd ${backend} column skipped: ${failed.get(backend)}`);
      }
    }
    const torch: Partial<Record<'cpu' | 'cuda', TrainTiming>> = {};
    for (const device of withTorch ? torchDevices.filter((d) => !torchNotes.has(d)) : []) {
      const result: TorchResult = timeTorchTraining(spec, { batch, threads, seed: 1, plan, python, device });
      if (result.ok) {
        torch[device] = result.timing;
        if (result.params !== params) throw new Error(`${arch}: PyTorch twin has ${result.params} parameters, painkd ${params}`);
        console.log(`  ${arch} PyTorch ${result.version} ${result.device}: ${result.timing.cpuMsPerStep.toFixed(1)} ms/step CPU, ${result.timing.wallMsPerStep.toFixed(1)} ms/step wall`);
      } else {
        torchNotes.set(device, result.reason);
        console.log(`  PyTorch ${device} column skipped: ${result.reason}`);
      }
    }
    rows.push({ net: arch, params, painkd, ...(torch.cpu ? { torch: torch.cpu } : {}), ...(torch.cuda ? { torchCuda: torch.cuda } : {}) });
    if (args.profile) {
      const profile = await profileTrainingStep(spec, 'wasm', batch, 5);
      const step = painkd['wasm']?.cpuMsPerStep;
      const top = profile.kernels.slice(0, 8).map((k) => `${k.kernel} ${k.ms.toFixed(1)} ms/${k.calls}`);
      console.log(`  ${arch} wasm step: ${profile.kernelCalls} kernel calls, ${profile.kernelMs.toFixed(1)} ms in kernels${step ? `, ${(step - profile.kernelMs).toFixed(1)} ms outside (JS)` : ''}; ${top.join(', ')}`);
      if (painkd['webgpu']) {
        const count = await countDispatches(spec, batch);
        console.log(`  ${arch} webgpu step: ${count.painkd} dispatches (${count.tfAdam} with tf.train.adam instead of painkd's Adam)`);
      }
    }
  }
  const shown = backends.filter((b) => !failed.has(b));
  console.log('\nsamples/s by process CPU time (wall time in parentheses); ratio = painkd / PyTorch (CPU time; GPU ratios by wall time)\n');
  console.log(formatTrainTable(rows, shown, adapter));
  if (adapter) console.log(`\nwebgpu adapter: ${describeAdapter(adapter)}${adapter.software ? ' — a software adapter (CPU), not a GPU measurement' : ''}`);
  const verdicts = rows.flatMap((r) => {
    const ratio = trainRatio(r, 'wasm')?.cpu;
    return ratio === undefined ? [] : [`${r.net} ${ratio.toFixed(2)}× ${ratio >= 0.5 ? 'met' : 'not met'}`];
  });
  if (verdicts.length > 0) console.log(`\ngoal ≥ 0.5× PyTorch (wasm, CPU time; the goal is set for the teacher and student, seed-conv1d is for comparison): ${verdicts.join(', ')}`);
  const teacher = rows.find((r) => r.net === 'teacher-cnn');
  if (teacher?.painkd['webgpu']) {
    const vsWasm = gpuRatio(teacher, 'wasm');
    const vsCuda = gpuRatio(teacher, 'torchCuda');
    const verdict = (r: number | undefined, goal: number) => (r === undefined ? 'not measured' : `${r.toFixed(2)}× ${r >= goal ? 'met' : 'not met'}`);
    console.log(`webgpu goals for the teacher (wall time): ≥ 10× wasm ${verdict(vsWasm, 10)}; ≥ 0.5× PyTorch CUDA ${verdict(vsCuda, 0.5)}`);
  }
  await mkdir(dirname(out), { recursive: true });
  const skipped = Object.fromEntries([...failed].map(([b, reason]) => [`painkd ${b}`, reason]).concat([...torchNotes].map(([d, reason]) => [`PyTorch ${d}`, reason])));
  await writeFile(out, `${JSON.stringify({ createdAt: new Date().toISOString(), batch, threads, plan, adapter: adapter ?? null, rows, skipped }, null, 2)}\n`);
  console.log(`wrote ${out}`);
}

await main();
