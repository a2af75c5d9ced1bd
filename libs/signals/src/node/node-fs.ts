/**
 * @module Lazy access to `node:fs/promises`. Loading it on first use (not at import) keeps the
 * package importable in browsers and edge runtimes, where only the pure parts are used.
 */

/** The `node:fs/promises` module. */
export type NodeFs = typeof import('node:fs/promises');

let loading: Promise<NodeFs> | undefined;

/** Returns `node:fs/promises`, importing it once on first call. */
export function nodeFs(): Promise<NodeFs> {
  loading ??= import('node:fs/promises');
  return loading;
}

/** Joins path parts with `/` (accepted by Node on every platform), dropping duplicate separators. */
export function joinPath(...parts: string[]): string {
  return parts
    .filter((part) => part !== '')
    .map((part, i) => (i === 0 ? part.replace(/[\\/]+$/, '') : part.replace(/^[\\/]+|[\\/]+$/g, '')))
    .join('/');
}

/** True when an error is Node's "no such file or directory". */
export function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ENOENT';
}
