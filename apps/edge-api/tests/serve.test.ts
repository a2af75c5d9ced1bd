/**
 * @module The documented launcher, `npx nx run edge-api:serve`, spawned as a user would:
 * `kill -TERM` on that `npx` process, or Ctrl-C, stops the server gracefully and leaves no process
 * behind (npx runs nx behind a `sh -c` that does not pass SIGTERM on; the server follows its
 * launcher).
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));

/** Every process below `pid`, from /proc. */
function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process exited while we looked
    }
  }
  const out: number[] = [];
  const visit = (p: number): void => {
    for (const child of children.get(p) ?? []) {
      out.push(child);
      visit(child);
    }
  };
  visit(pid);
  return out;
}

/** True while `pid` runs (a zombie — exited, not yet reaped by an init that may never reap it — does not). */
const alive = (pid: number): boolean => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
};

/**
 * Starts the documented command in its own process group, then signals it the way people do:
 * `kill -TERM <npx pid>` (the process alone) or Ctrl-C (SIGINT to the whole foreground group).
 */
async function serveThenSignal(signal: 'SIGTERM' | 'SIGINT', target: 'process' | 'group'): Promise<{ output: string; left: number[]; port: number; portOpen: boolean }> {
  // A user's shell, not a task of the Nx process running these tests (whose invocation chain Nx would follow).
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('NX_')));
  Object.assign(env, { PORT: '0', HOST: '127.0.0.1', NX_DAEMON: 'false', NX_TUI: 'false', NX_NO_CLOUD: 'true' });
  const npx = spawn('npx', ['nx', 'run', 'edge-api:serve', '--skip-nx-cache'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    const onData = (d: Buffer): void => {
      output += d.toString('utf8');
      const m = /listening on 127\.0\.0\.1:(\d+)/.exec(output);
      if (m) resolve(Number(m[1]));
    };
    npx.stdout.on('data', onData);
    npx.stderr.on('data', onData);
    npx.once('exit', () => reject(new Error(`serve exited before listening:\n${output}`)));
  });
  const tree = descendants(npx.pid as number);
  process.kill(target === 'group' ? -(npx.pid as number) : (npx.pid as number), signal);
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline && tree.some(alive)) await new Promise((r) => setTimeout(r, 200));
  const portOpen = await fetch(`http://127.0.0.1:${port}/v2/health/live`).then(
    () => true,
    () => false,
  );
  return { output, left: tree.filter(alive), port, portOpen };
}

describe('npx nx run edge-api:serve', () => {
  it('stops gracefully on kill -TERM <npx pid> and on Ctrl-C, and leaves no orphan', async () => {
    const results = await Promise.all([serveThenSignal('SIGTERM', 'process'), serveThenSignal('SIGINT', 'group')]);
    for (const r of results) {
      expect(r.left, r.output).toEqual([]);
      expect(r.portOpen).toBe(false);
    }
    // After Ctrl-C nx exits at once and takes the log pipe with it; after SIGTERM it waits, so the drain is visible.
    expect(results[0]?.output).toMatch(/the launching process exited, draining[\s\S]*edge-api: stopped/);
  }, 120_000);
});
