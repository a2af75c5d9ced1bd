/**
 * @module A painkd command (a TypeScript entry run through tsx) as a child process of the scale
 * benchmark, with its stderr kept and a way to wait for a line in it.
 */
import { spawn, type ChildProcess } from 'node:child_process';

/** A running command. */
export interface NodeProcess {
  readonly child: ChildProcess;
  /** Everything it wrote to stderr so far. */
  stderr(): string;
  /** Resolves with the first match of `pattern` in stderr (rejects when it exits first). */
  waitFor(pattern: RegExp): Promise<RegExpExecArray>;
  /** Resolves with the exit code. */
  readonly exited: Promise<number | null>;
  /** SIGTERM, then waits for the exit. */
  stop(): Promise<void>;
}

/**
 * Starts `node --conditions=@painkd/source --import tsx <script> <args>` in `cwd`.
 *
 * @example
 * const worker = runNode(root, 'apps/trainer/src/worker-main.ts', ['--queue', url]);
 * await worker.waitFor(/taking jobs/);
 */
export function runNode(cwd: string, script: string, args: readonly string[], env: Readonly<Record<string, string>> = {}): NodeProcess {
  const child = spawn(process.execPath, ['--conditions=@painkd/source', '--import', 'tsx', script, ...args], { cwd, env: { ...process.env, INIT_CWD: cwd, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stdout!.resume();
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('close', resolve));
  return {
    child,
    stderr: () => err,
    exited,
    waitFor: (pattern) =>
      new Promise((resolve, reject) => {
        const check = (): void => {
          const match = pattern.exec(err);
          if (!match) return;
          child.stderr!.off('data', check);
          resolve(match);
        };
        child.stderr!.on('data', check);
        void exited.then((code) => reject(new Error(`${script} exited (${code}) before ${pattern}:\n${err.slice(-2000)}`)));
        check();
      }),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
