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
 * The folder the user typed the command in: npm (and so `nx run`, which runs the project's npm
 * script from the project folder) records it in `INIT_CWD`; relative flag paths resolve there.
 */
export function userCwd(): string {
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
