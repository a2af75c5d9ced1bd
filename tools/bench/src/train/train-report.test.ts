import { describe, expect, it } from 'vitest';
import { formatTrainTable, gpuRatio, trainRatio, type TrainRow } from './train-report.js';

const timing = (cpu: number, wall: number) => ({ steps: 10, cpuMsPerStep: 64_000 / cpu, wallMsPerStep: 64_000 / wall, samplesPerSecCpu: cpu, samplesPerSecWall: wall });

describe('train report', () => {
  const rows: TrainRow[] = [
    { net: 'student-tiny', params: 5701, painkd: { wasm: timing(3000, 2000), cpu: timing(300, 200) }, torch: timing(6000, 4000) },
    { net: 'teacher-cnn', params: 118437, painkd: { wasm: timing(1000, 900) } },
  ];

  it('computes painkd/PyTorch ratios by CPU and wall time', () => {
    expect(trainRatio(rows[0]!, 'wasm')).toEqual({ cpu: 0.5, wall: 0.5 });
    expect(trainRatio(rows[1]!, 'wasm')).toBeUndefined();
  });

  it('formats one row per net with dashes where a column is missing', () => {
    const table = formatTrainTable(rows, ['wasm', 'cpu']).split('\n');
    expect(table[0]).toBe('| net | params | painkd wasm | painkd cpu | PyTorch | wasm/PyTorch | cpu/PyTorch |');
    expect(table[2]).toBe('| student-tiny | 5701 | 3000 (2000) | 300 (200) | 6000 (4000) | 0.50× (0.50×) | 0.05× (0.05×) |');
    expect(table[3]).toBe('| teacher-cnn | 118437 | 1000 (900) | — | — | — | — |');
  });

  it('adds the webgpu column with its adapter, PyTorch CUDA, and the GPU ratios by wall time', () => {
    const gpuRows: TrainRow[] = [{ net: 'teacher-cnn', params: 118437, painkd: { wasm: timing(1000, 900), webgpu: timing(4000, 18000) }, torch: timing(2000, 2000), torchCuda: timing(9000, 30000) }];
    expect(gpuRatio(gpuRows[0]!, 'wasm')).toBe(20);
    expect(gpuRatio(gpuRows[0]!, 'torchCuda')).toBe(0.6);
    const adapter = { vendor: 'nvidia', architecture: 'hopper', device: 'NVIDIA H200', description: '', software: false };
    const table = formatTrainTable(gpuRows, ['wasm', 'webgpu'], adapter).split('\n');
    expect(table[0]).toBe(
      '| net | params | painkd wasm | painkd webgpu [nvidia hopper · NVIDIA H200] | PyTorch | PyTorch CUDA | wasm/PyTorch | webgpu/PyTorch | webgpu/wasm (wall) | webgpu/PyTorch CUDA (wall) |',
    );
    expect(table[2]).toBe('| teacher-cnn | 118437 | 1000 (900) | 4000 (18000) | 2000 (2000) | 9000 (30000) | 0.50× (0.45×) | 2.00× (9.00×) | 20.00× | 0.60× |');
  });
});
