/**
 * @module Test support: start a server as a child process and wait for its "listening" line.
 */
import { spawn, type ChildProcess } from 'node:child_process';

/** A started server process. */
export interface ServerProcess {
  readonly child: ChildProcess;
  readonly url: string;
  /** Everything printed so far. */
  output(): string;
  /** Sends SIGTERM and resolves with the exit code. */
  terminate(): Promise<number | null>;
}

/**
 * Runs `node <args>` with `HOST=127.0.0.1 PORT=0`; resolves once it listens, rejects with its
 * output when it exits first.
 *
 * @example
 * const s = await spawnServer(['server.mjs'], { cwd: dir });
 */
export function spawnServer(args: readonly string[], options: { cwd: string; env?: Record<string, string> }): Promise<ServerProcess> {
  const child = spawn(process.execPath, [...args], { cwd: options.cwd, env: { ...process.env, HOST: '127.0.0.1', PORT: '0', ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      text += chunk.toString('utf8');
      const m = /listening on [^:]+:(\d+)/.exec(text);
      if (m) {
        resolve({
          child,
          url: `http://127.0.0.1:${m[1]}`,
          output: () => text,
          terminate: async () => {
            child.kill('SIGTERM');
            return exited;
          },
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((code) => reject(new Error(`server exited with ${code} before listening:\n${text}`)));
  });
}

/**
 * Runs `node <args>` to completion and returns its exit code and output.
 *
 * @example
 * const { code, output } = await runToExit(['server.mjs', '--model', dir], { cwd });
 */
export function runToExit(args: readonly string[], options: { cwd: string; env?: Record<string, string> }): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [...args], { cwd: options.cwd, env: { ...process.env, HOST: '127.0.0.1', PORT: '0', ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (output += c.toString('utf8')));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, output })));
}
