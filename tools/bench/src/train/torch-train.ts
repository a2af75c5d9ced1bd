/**
 * @module The PyTorch side of `bench:train`: runs `scripts/torch_train_bench.py` with Debian's
 * `/usr/bin/python3` (torch 1.13) or another interpreter, which builds the identical net from the
 * NetSpec, on the CPU or on CUDA. Returns a reason instead of a timing when Python, torch or CUDA
 * is missing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NetSpec } from '@painkd/models';
import type { TimingPlan, TrainTiming } from './train-timing.js';

const script = resolve(dirname(fileURLToPath(import.meta.url)), '../../scripts/torch_train_bench.py');

/** A PyTorch timing, or why there is none. */
export type TorchResult =
  | { readonly ok: true; readonly timing: TrainTiming; readonly params: number; readonly version: string; readonly device: string }
  | { readonly ok: false; readonly reason: string };

/** Options of {@link timeTorchTraining}. */
export interface TorchTrainOptions {
  readonly batch: number;
  readonly threads: number;
  readonly seed: number;
  readonly plan: TimingPlan;
  /** Default `/usr/bin/python3`. */
  readonly python?: string;
  /** Where torch trains (default `cpu`). */
  readonly device?: 'cpu' | 'cuda';
}

/**
 * Times the PyTorch twin of `spec`.
 *
 * @example
 * const r = timeTorchTraining(spec, { batch: 64, threads: 1, seed: 1, plan });
 * if (!r.ok) console.log(`PyTorch skipped: ${r.reason}`);
 */
export function timeTorchTraining(spec: NetSpec, options: TorchTrainOptions): TorchResult {
  const python = options.python ?? '/usr/bin/python3';
  if (!existsSync(python)) return { ok: false, reason: `${python} not found` };
  const probe = spawnSync(python, ['-c', 'import torch; print(torch.__version__)'], { encoding: 'utf8' });
  if (probe.status !== 0) return { ok: false, reason: `torch is not importable by ${python} (${(probe.stderr || probe.stdout).trim().split('\n').at(-1) ?? 'no output'})` };
  const dir = mkdtempSync(join(tmpdir(), 'painkd-torch-'));
  try {
    const job = join(dir, 'job.json');
    writeFileSync(
      job,
      JSON.stringify({
        spec,
        batch: options.batch,
        threads: options.threads,
        seed: options.seed,
        warmup: options.plan.warmup,
        windows: options.plan.windows,
        seconds: options.plan.seconds,
        device: options.device ?? 'cpu',
      }),
    );
    const run = spawnSync(python, [script, job], { encoding: 'utf8', env: { ...process.env, OMP_NUM_THREADS: String(options.threads), MKL_NUM_THREADS: String(options.threads) } });
    if (run.status !== 0) return { ok: false, reason: `torch script failed: ${run.stderr.trim().split('\n').at(-1) ?? run.status}` };
    const out = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as {
      torch: string;
      device: string;
      params: number;
      steps: number;
      wallMsPerStep: number;
      cpuMsPerStep: number;
      samplesPerSecWall: number;
      samplesPerSecCpu: number;
    };
    return {
      ok: true,
      version: out.torch,
      device: out.device,
      params: out.params,
      timing: { steps: out.steps, wallMsPerStep: out.wallMsPerStep, cpuMsPerStep: out.cpuMsPerStep, samplesPerSecWall: out.samplesPerSecWall, samplesPerSecCpu: out.samplesPerSecCpu },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
