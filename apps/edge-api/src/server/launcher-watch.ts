/**
 * @module Stopping with the command that launched the server. `npx nx run edge-api:serve` runs
 * the server several processes below `npx`, behind a `sh -c` that does not pass signals on: a
 * SIGTERM to `npx` kills `npx` and that shell and leaves nx and the server running. With
 * `--exit-with-launcher` (set by the `serve` target) the server remembers its ancestors (from
 * `/proc`, Linux) and stops gracefully as soon as one of them is gone; nx then exits too.
 */
import { readFileSync } from 'node:fs';

/** The parent pid of `pid`, from `/proc/<pid>/stat`; undefined when it is gone or unknown. */
function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ppid = Number(fields[1]);
    return Number.isInteger(ppid) ? ppid : undefined;
  } catch {
    return undefined;
  }
}

/** This process's ancestors, nearest first, up to (not including) pid 1. */
function ancestors(): number[] {
  const chain: number[] = [];
  for (let pid = process.ppid; pid > 1 && chain.length < 64; ) {
    chain.push(pid);
    const parent = parentOf(pid);
    if (parent === undefined) break;
    pid = parent;
  }
  return chain;
}

/**
 * Calls `onGone` once when a process above this one exits (checked every `intervalMs`). Returns a
 * function that stops watching; a no-op where `/proc` is unavailable.
 *
 * @example
 * const unwatch = watchLauncher(() => stop('launcher exited'));
 */
export function watchLauncher(onGone: () => void, intervalMs = 500): () => void {
  const chain = ancestors();
  if (chain.length === 0) return () => undefined;
  const timer = setInterval(() => {
    const broken = chain.some((pid, i) => {
      const parent = parentOf(pid);
      return parent === undefined || (i + 1 < chain.length && parent !== chain[i + 1]);
    });
    if (broken) {
      clearInterval(timer);
      onGone();
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
