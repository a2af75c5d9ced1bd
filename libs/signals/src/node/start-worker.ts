/**
 * @module The one way painkd starts a worker thread. A compiled module (`.js`, `.mjs`) starts
 * directly. A TypeScript source (`.ts`, development and tests) starts through a small bootstrap
 * that registers tsx's loader first — Node 20 does not pass the parent's `--import` hooks on to
 * workers — with the `@painkd/source` export condition, so workspace packages resolve to their
 * sources in the worker even when the parent (vitest) resolved them without it.
 */
import { Worker } from 'node:worker_threads';

/** Options of {@link startModuleWorker}. */
export interface StartWorkerOptions {
  /** The worker's `workerData` (structured-cloned). */
  readonly workerData?: unknown;
  /** Extra Node options of the worker. */
  readonly execArgv?: readonly string[];
}

/** The export condition under which workspace packages resolve to their TypeScript sources. */
const SOURCE_CONDITION = '--conditions=@painkd/source';

/**
 * Starts `moduleUrl` in a new worker thread.
 *
 * @example
 * const worker = startModuleWorker(new URL('./synth-worker.ts', import.meta.url), { workerData: { shard } });
 */
export function startModuleWorker(moduleUrl: URL, options: StartWorkerOptions = {}): Worker {
  const execArgv = [...(options.execArgv ?? [])];
  if (!moduleUrl.pathname.endsWith('.ts')) return new Worker(moduleUrl, { workerData: options.workerData, execArgv });
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(moduleUrl.href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData: options.workerData, execArgv: [...execArgv, SOURCE_CONDITION] });
}
