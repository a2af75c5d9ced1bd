/**
 * @module Starts a worker thread on a module that may be TypeScript: under `tsx` (development,
 * `.ts` sources) the worker first registers tsx's loader, since Node 20 does not pass `--import`
 * hooks on to workers; compiled `.js` modules start directly.
 */
import type { Worker } from 'node:worker_threads';

/**
 * Starts `moduleUrl` in a new worker thread with `workerData`.
 *
 * @example
 * const worker = await startModuleWorker(new URL('./synth-worker.ts', import.meta.url), { shard });
 */
export async function startModuleWorker(moduleUrl: URL, workerData: unknown): Promise<Worker> {
  const { Worker: WorkerThread } = await import('node:worker_threads');
  if (!moduleUrl.pathname.endsWith('.ts')) return new WorkerThread(moduleUrl, { workerData });
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(moduleUrl.href)}); });`;
  return new WorkerThread(bootstrap, { eval: true, workerData });
}
