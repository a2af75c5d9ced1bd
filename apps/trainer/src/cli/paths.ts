/** @module Where things live: the workspace root (for `.cache/` and `artifacts/`) and the user's folder. */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The workspace root: the nearest folder above this file holding `nx.json`. */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'nx.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

/**
 * The folder relative flag paths resolve against. Under `nx run` (which runs the project's npm
 * script from the project folder and does not pass on where it was invoked) that is the workspace
 * root; under a plain `npm run`, the folder npm was invoked from (`INIT_CWD`); else the cwd.
 */
export function userCwd(): string {
  if (process.env.NX_TASK_TARGET_PROJECT && process.env.NX_WORKSPACE_ROOT) return process.env.NX_WORKSPACE_ROOT;
  return process.env.INIT_CWD ?? process.cwd();
}

/**
 * Resolves a path given on the command line against the user's folder.
 *
 * @example
 * userPath('data/biovid'); // '/home/me/painkd/data/biovid' when run from /home/me/painkd
 */
export function userPath(path: string): string {
  return isAbsolute(path) ? path : resolve(userCwd(), path);
}
