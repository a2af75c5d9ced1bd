/** @module The `bench:train` table: painkd samples/s per backend, PyTorch's, and their ratio. */
import type { TrainTiming } from './train-timing.js';

/** One net's results. */
export interface TrainRow {
  readonly net: string;
  readonly params: number;
  /** painkd timings by backend name. */
  readonly painkd: Readonly<Record<string, TrainTiming>>;
  readonly torch?: TrainTiming;
}

/** painkd (backend) / PyTorch throughput, by CPU time and by wall time; undefined without PyTorch. */
export function trainRatio(row: TrainRow, backend: string): { cpu: number; wall: number } | undefined {
  const ours = row.painkd[backend];
  if (!ours || !row.torch) return undefined;
  return { cpu: ours.samplesPerSecCpu / row.torch.samplesPerSecCpu, wall: ours.samplesPerSecWall / row.torch.samplesPerSecWall };
}

function cell(t: TrainTiming | undefined): string {
  return t ? `${t.samplesPerSecCpu.toFixed(0)} (${t.samplesPerSecWall.toFixed(0)})` : '—';
}

/**
 * Formats a Markdown table: samples/s by CPU time (wall time in parentheses) per painkd backend
 * and for PyTorch, and the ratio painkd/PyTorch for each backend.
 *
 * @example
 * console.log(formatTrainTable(rows, ['wasm', 'cpu']));
 */
export function formatTrainTable(rows: readonly TrainRow[], backends: readonly string[]): string {
  const head = ['net', 'params', ...backends.map((b) => `painkd ${b}`), 'PyTorch', ...backends.map((b) => `${b}/PyTorch`)];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const row of rows) {
    const ratios = backends.map((b) => {
      const r = trainRatio(row, b);
      return r ? `${r.cpu.toFixed(2)}× (${r.wall.toFixed(2)}×)` : '—';
    });
    lines.push(`| ${[row.net, String(row.params), ...backends.map((b) => cell(row.painkd[b])), cell(row.torch), ...ratios].join(' | ')} |`);
  }
  return lines.join('\n');
}
