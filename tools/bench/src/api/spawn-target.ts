/**
 * @module Starting a server under test as a child process on 127.0.0.1 (port 0), waiting for its
 * "listening on host:port" line, and reading its resident memory and CPU time from /proc (CPU
 * time per request is what a server costs, whatever else shares the machine).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** A server process under load. */
export interface Target {
  readonly name: string;
  readonly url: string;
  readonly child: ChildProcess;
  /** Resident set size in MiB (VmRSS), or NaN where /proc is unavailable. */
  rssMiB(): number;
  /** CPU time the process has used so far (user + system, all threads), ms; NaN where /proc is unavailable. */
  cpuMs(): number;
  stop(): Promise<void>;
}

/**
 * Spawns `node <args>` from `cwd` and resolves once it listens.
 *
 * @example
 * const edge = await spawnTarget('edge', ['--conditions=@painkd/source', '--import', 'tsx', 'apps/edge-api/src/main.ts'], root);
 */
export function spawnTarget(name: string, args: readonly string[], cwd: string, env: Record<string, string> = {}): Promise<Target> {
  const child = spawn(process.execPath, [...args], { cwd, env: { ...process.env, HOST: '127.0.0.1', PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const m = /listening on [^:\s]+:(\d+)/.exec(output);
      if (m === null) return;
      child.stdout?.off('data', onData);
      child.stdout?.resume();
      child.stderr?.resume();
      resolve({
        name,
        url: `http://127.0.0.1:${m[1]}`,
        child,
        rssMiB: () => readRss(child.pid),
        cpuMs: () => readCpuMs(child.pid),
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (c: Buffer) => (output += c.toString('utf8')));
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code} before listening:\n${output}`)));
  });
}

function readRss(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = /VmRSS:\s+(\d+) kB/.exec(status);
    return m ? Number(m[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ, 100 on Linux). */
const USER_HZ = 100;

function readCpuMs(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / USER_HZ;
  } catch {
    return Number.NaN;
  }
}
