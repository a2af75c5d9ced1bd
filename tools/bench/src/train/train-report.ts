/**
 * @module The `bench:train` table: painkd samples/s per backend, PyTorch's (CPU, and CUDA where
 * it runs), and their ratios. CPU-side ratios compare process CPU time (robust on a shared
 * machine); GPU-side ratios (webgpu against wasm and against PyTorch CUDA) compare wall time,
 * which is what a GPU saves.
 */
import { describeAdapter, type GpuAdapterInfo } from '@painkd/models';
import type { TrainTiming } from './train-timing.js';

/** One net's results. */
export interface TrainRow {
  readonly net: string;
  readonly params: number;
  /** painkd timings by backend name. */
  readonly painkd: Readonly<Record<string, TrainTiming>>;
  /** PyTorch on the CPU. */
  readonly torch?: TrainTiming;
  /** PyTorch on CUDA. */
  readonly torchCuda?: TrainTiming;
}

/** painkd (backend) / PyTorch-CPU throughput, by CPU time and by wall time; undefined without PyTorch. */
export function trainRatio(row: TrainRow, backend: string): { cpu: number; wall: number } | undefined {
  const ours = row.painkd[backend];
  if (!ours || !row.torch) return undefined;
  return { cpu: ours.samplesPerSecCpu / row.torch.samplesPerSecCpu, wall: ours.samplesPerSecWall / row.torch.samplesPerSecWall };
}

/** Wall-time throughput ratio of painkd's webgpu to `against` (wasm, or PyTorch CUDA); undefined when either is missing. */
export function gpuRatio(row: TrainRow, against: 'wasm' | 'torchCuda'): number | undefined {
  const gpu = row.painkd['webgpu'];
  const other = against === 'wasm' ? row.painkd['wasm'] : row.torchCuda;
  return gpu && other ? gpu.samplesPerSecWall / other.samplesPerSecWall : undefined;
}

function cell(t: TrainTiming | undefined): string {
  return t ? `${t.samplesPerSecCpu.toFixed(0)} (${t.samplesPerSecWall.toFixed(0)})` : '—';
}

function times(r: number | undefined): string {
  return r === undefined ? '—' : `${r.toFixed(2)}×`;
}

/**
 * Formats a Markdown table: samples/s by CPU time (wall time in parentheses) per painkd backend
 * and for PyTorch, the ratio painkd/PyTorch-CPU per backend (CPU time, wall in parentheses), and
 * when webgpu ran, its wall-time ratios to wasm and to PyTorch CUDA. The webgpu column names its
 * adapter.
 *
 * @example
 * console.log(formatTrainTable(rows, ['wasm', 'webgpu', 'cpu'], adapter));
 */
export function formatTrainTable(rows: readonly TrainRow[], backends: readonly string[], adapter?: GpuAdapterInfo): string {
  const gpu = backends.includes('webgpu');
  const cuda = rows.some((r) => r.torchCuda);
  const name = (b: string) => (b === 'webgpu' && adapter ? `painkd webgpu [${describeAdapter({ ...adapter, description: '' })}]` : `painkd ${b}`);
  const head = [
    'net',
    'params',
    ...backends.map(name),
    'PyTorch',
    ...(cuda ? ['PyTorch CUDA'] : []),
    ...backends.map((b) => `${b}/PyTorch`),
    ...(gpu ? ['webgpu/wasm (wall)'] : []),
    ...(gpu && cuda ? ['webgpu/PyTorch CUDA (wall)'] : []),
  ];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const row of rows) {
    const ratios = backends.map((b) => {
      const r = trainRatio(row, b);
      return r ? `${r.cpu.toFixed(2)}× (${r.wall.toFixed(2)}×)` : '—';
    });
    const cells = [
      row.net,
      String(row.params),
      ...backends.map((b) => cell(row.painkd[b])),
      cell(row.torch),
      ...(cuda ? [cell(row.torchCuda)] : []),
      ...ratios,
      ...(gpu ? [times(gpuRatio(row, 'wasm'))] : []),
      ...(gpu && cuda ? [times(gpuRatio(row, 'torchCuda'))] : []),
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}
