/**
 * @module Progress on stderr: on a terminal, one live bar per running fold plus a total line with
 * ETA, redrawn in place; otherwise one plain line per finished epoch (logs and CI stay readable).
 */
import type { ExperimentProgress } from '@painkd/distill';
import { bar, formatDuration } from './format.js';

/** Where progress goes. */
export interface ProgressView {
  update(progress: ExperimentProgress): void;
  /** A message line above the bars (data loading, saving…). */
  note(message: string): void;
  /** Final redraw; the cursor ends on a fresh line. */
  close(): void;
}

/** The stream progress is written to (stderr in the CLI). */
export interface ProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

/**
 * Creates the view for `stream`: live bars when `stream.isTTY`, plain lines otherwise.
 *
 * @example
 * const view = createProgressView(process.stderr);
 * await runExperiment({ ..., onProgress: (p) => view.update(p) });
 * view.close();
 */
export function createProgressView(stream: ProgressStream): ProgressView {
  return stream.isTTY ? liveView(stream) : plainView(stream);
}

function jobName(p: ExperimentProgress): string {
  return p.job < 0 ? 'final' : `fold ${p.job + 1}/${p.folds}`;
}

function totalLine(p: ExperimentProgress): string {
  const jobs = p.jobs ? ` · jobs ${p.jobs.queued} queued, ${p.jobs.running} running, ${p.jobs.done} done · ${p.jobs.workers} worker${p.jobs.workers === 1 ? '' : 's'}` : '';
  return `total ${(100 * p.fraction).toFixed(0).padStart(3)}%${jobs} · elapsed ${formatDuration(p.elapsedMs)} · ETA ${formatDuration(p.etaMs)}`;
}

function plainView(stream: ProgressStream): ProgressView {
  return {
    update(p) {
      const r = p.record;
      if (!r) return;
      stream.write(
        `${jobName(p)} ${p.method} epoch ${r.epoch}/${p.epochs} loss ${r.trainLoss.toFixed(4)} val_loss ${r.valLoss.toFixed(4)} ` +
          `val_acc ${(100 * r.valAccuracy).toFixed(1)}% lr ${r.learningRate.toPrecision(2)} | ${totalLine(p)}\n`,
      );
    },
    note: (message) => stream.write(`${message}\n`),
    close: () => undefined,
  };
}

function liveView(stream: ProgressStream): ProgressView {
  // One line per running (unit, method): the most recently updated ones, as many as run at once.
  const jobs = new Map<string, string>();
  let total = '';
  let drawn = 0;
  let lastDraw = 0;
  const draw = (force: boolean): void => {
    const now = Date.now();
    if (!force && now - lastDraw < 100) return;
    lastDraw = now;
    const width = Math.max(40, (stream.columns || 80) - 1);
    const lines = [...[...jobs.values()].sort(), total].filter((l) => l !== '');
    let out = drawn > 0 ? `\x1b[${drawn}F` : '';
    for (const line of lines) out += `\x1b[2K${line.slice(0, width)}\n`;
    stream.write(out);
    drawn = lines.length;
  };
  return {
    update(p) {
      const fraction = p.batches > 0 ? p.batch / p.batches : 1;
      const epoch = `ep ${String(p.epoch).padStart(String(p.epochs).length)}/${p.epochs}`;
      const val = p.record ? ` · val ${(100 * p.record.valAccuracy).toFixed(1)}%` : '';
      const key = `${p.job}\u0000${p.method}`;
      jobs.delete(key);
      jobs.set(key, `${jobName(p).padEnd(9)} ${p.method.padEnd(18)} ${epoch} ${bar(fraction, 12)} loss ${p.loss.toFixed(4)}${val}`);
      while (jobs.size > Math.max(1, p.jobs?.running ?? 1)) jobs.delete(jobs.keys().next().value!);
      total = `${'total'.padEnd(9)} ${bar(p.fraction, 24)} ${totalLine(p).slice(6)}`;
      draw(p.batch === 0);
    },
    note(message) {
      const up = drawn > 0 ? `\x1b[${drawn}F\x1b[0J` : '';
      stream.write(`${up}${message}\n`);
      drawn = 0;
      draw(true);
    },
    close() {
      draw(true);
    },
  };
}
