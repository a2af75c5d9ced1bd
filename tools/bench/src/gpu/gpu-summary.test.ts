import { describe, expect, it } from 'vitest';
import { formatGpuSummary, gpuSummary, type DistillRun, type TrainBench } from './gpu-summary.js';

const timing = (wall: number) => ({ steps: 10, cpuMsPerStep: 1, wallMsPerStep: 64_000 / wall, samplesPerSecCpu: 64_000, samplesPerSecWall: wall });
const h200 = { vendor: 'nvidia', architecture: 'hopper', device: 'NVIDIA H200', description: '', software: false };
const train: TrainBench = {
  adapter: h200,
  rows: [{ net: 'teacher-cnn', params: 118437, painkd: { wasm: timing(1000), webgpu: timing(12000) }, torchCuda: timing(30000) }],
};
const report: DistillRun = {
  wallMs: 95_000,
  runtime: { backend: 'webgpu', workers: 6, adapter: h200 },
  methods: [{ id: 'teacher', summary: { accuracy: { mean: 0.34 }, macroF1: { mean: 0.28 } } }],
};

describe('gpuSummary', () => {
  it('judges the three goals from the bench rows and the full-protocol wall time', () => {
    const s = gpuSummary(train, report, { args: '--profile full --backend webgpu', wallSeconds: 130 }, new Date('2026-01-01T00:00:00Z'));
    expect(s.adapter).toEqual(h200);
    expect(s.softwareAdapter).toBe(false);
    expect(s.distill).toEqual({ args: '--profile full --backend webgpu', wallSeconds: 130, experimentSeconds: 95, workers: 6, accuracy: { teacher: 0.34 } });
    expect(s.goals).toEqual([
      { goal: 'teacher training ≥ 10× the wasm backend (samples/s, wall)', value: 12, met: true },
      { goal: 'teacher training ≥ 0.5× PyTorch CUDA (samples/s, wall)', value: 0.4, met: false },
      { goal: 'full protocol ≤ 2 minutes (trainer:distill wall, seconds)', value: 130, met: false },
    ]);
    expect(formatGpuSummary(s).split('\n')).toEqual([
      'adapter: nvidia hopper · NVIDIA H200',
      'trainer:distill --profile full --backend webgpu: 130.0 s wall (experiment 95.0 s, 6 worker(s))',
      'goal: teacher training ≥ 10× the wasm backend (samples/s, wall): 12.00 met',
      'goal: teacher training ≥ 0.5× PyTorch CUDA (samples/s, wall): 0.40 not met',
      'goal: full protocol ≤ 2 minutes (trainer:distill wall, seconds): 130.00 not met',
    ]);
  });

  it('leaves unmeasured goals open and flags a software adapter', () => {
    const lavapipe = { ...h200, vendor: 'mesa', architecture: 'software', device: 'llvmpipe', software: true };
    const s = gpuSummary({ adapter: lavapipe, rows: [] }, { ...report, runtime: { backend: 'webgpu', workers: 1, adapter: lavapipe } }, { args: '--config tiny.json', wallSeconds: 20 });
    expect(s.softwareAdapter).toBe(true);
    expect(s.goals.map((g) => g.met)).toEqual([null, null, null]);
    expect(formatGpuSummary(s)).toContain('(software: not a GPU measurement)');
  });
});
