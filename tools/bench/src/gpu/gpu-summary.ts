/**
 * @module `bench/gpu.json`: what `scripts/gpu-check.sh` measured on a machine with a GPU — the
 * adapter, bench:train's webgpu/wasm/PyTorch-CUDA rows, the full-protocol `trainer:distill
 * --backend webgpu` wall time — and the issue's goals judged against them.
 */
import { describeAdapter, type GpuAdapterInfo } from '@painkd/models';
import { gpuRatio, type TrainRow } from '../train/train-report.js';

/** What bench:train wrote (the fields used here). */
export interface TrainBench {
  readonly adapter: GpuAdapterInfo | null;
  readonly rows: readonly TrainRow[];
  readonly skipped?: Readonly<Record<string, string>>;
}

/** What the trainer's report.json says about the run (the fields used here). */
export interface DistillRun {
  readonly wallMs: number;
  readonly runtime?: { readonly backend: string; readonly workers: number; readonly adapter?: GpuAdapterInfo };
  readonly methods: readonly { readonly id: string; readonly summary: { readonly accuracy: { readonly mean: number }; readonly macroF1: { readonly mean: number } } }[];
}

/** One goal of the issue and how the run fared. */
export interface GoalResult {
  readonly goal: string;
  readonly value: number | null;
  readonly met: boolean | null;
}

/** The content of `bench/gpu.json`. */
export interface GpuSummary {
  readonly createdAt: string;
  readonly adapter: GpuAdapterInfo | null;
  /** True when the adapter is a CPU implementation: the figures are not GPU figures. */
  readonly softwareAdapter: boolean;
  readonly train: TrainBench;
  readonly distill: {
    readonly args: string;
    /** Process wall time of `trainer:distill`, seconds (cohort loading and output writing included). */
    readonly wallSeconds: number;
    /** The experiment alone (cross-validation and final models), seconds. */
    readonly experimentSeconds: number;
    readonly workers: number | null;
    readonly accuracy: Readonly<Record<string, number>>;
  };
  readonly goals: readonly GoalResult[];
}

function goal(text: string, value: number | undefined, met: (v: number) => boolean): GoalResult {
  return value === undefined ? { goal: text, value: null, met: null } : { goal: text, value, met: met(value) };
}

/**
 * Assembles `bench/gpu.json` from bench:train's output and the trainer's report.
 *
 * @example
 * const summary = gpuSummary(train, report, { args: '--profile full --backend webgpu', wallSeconds: 95 });
 */
export function gpuSummary(train: TrainBench, report: DistillRun, run: { readonly args: string; readonly wallSeconds: number }, now = new Date()): GpuSummary {
  const adapter = report.runtime?.adapter ?? train.adapter ?? null;
  const teacher = train.rows.find((r) => r.net === 'teacher-cnn');
  const protocol = run.args.includes('--profile full');
  return {
    createdAt: now.toISOString(),
    adapter,
    softwareAdapter: adapter?.software ?? false,
    train,
    distill: {
      args: run.args,
      wallSeconds: run.wallSeconds,
      experimentSeconds: report.wallMs / 1000,
      workers: report.runtime?.workers ?? null,
      accuracy: Object.fromEntries(report.methods.map((m) => [m.id, m.summary.accuracy.mean])),
    },
    goals: [
      goal('teacher training ≥ 10× the wasm backend (samples/s, wall)', teacher && gpuRatio(teacher, 'wasm'), (v) => v >= 10),
      goal('teacher training ≥ 0.5× PyTorch CUDA (samples/s, wall)', teacher && gpuRatio(teacher, 'torchCuda'), (v) => v >= 0.5),
      goal('full protocol ≤ 2 minutes (trainer:distill wall, seconds)', protocol ? run.wallSeconds : undefined, (v) => v <= 120),
    ],
  };
}

/**
 * The summary as a few lines for the terminal.
 *
 * @example
 * console.log(formatGpuSummary(summary));
 */
export function formatGpuSummary(summary: GpuSummary): string {
  const lines = [
    `adapter: ${summary.adapter ? describeAdapter(summary.adapter) : 'none'}${summary.softwareAdapter ? ' (software: not a GPU measurement)' : ''}`,
    `trainer:distill ${summary.distill.args}: ${summary.distill.wallSeconds.toFixed(1)} s wall (experiment ${summary.distill.experimentSeconds.toFixed(1)} s, ${summary.distill.workers ?? '?'} worker(s))`,
    ...summary.goals.map((g) => `goal: ${g.goal}: ${g.value === null ? 'not measured' : `${g.value.toFixed(2)} ${g.met ? 'met' : 'not met'}`}`),
  ];
  return lines.join('\n');
}
