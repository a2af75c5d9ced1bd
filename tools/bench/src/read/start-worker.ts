/**
 * @module Starts a worker thread on a module that may be TypeScript: under `tsx` the worker first
 * registers tsx's loader (Node 20 does not pass `--import` hooks on to workers).
 */
import { Worker } from 'node:worker_threads';

/**
 * Starts `moduleUrl` in a new worker thread.
 *
 * @example
 * const worker = startModuleWorker(new URL('./read-worker.ts', import.meta.url), { channels: ['gsr'] });
 */
export function startModuleWorker(moduleUrl: URL, workerData: unknown): Worker {
  if (!moduleUrl.pathname.endsWith('.ts')) return new Worker(moduleUrl, { workerData });
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(moduleUrl.href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}
