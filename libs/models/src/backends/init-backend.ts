/** @module `initBackend`: select and activate a tfjs backend by name or by priority (`auto`). */
import * as tf from '@tensorflow/tfjs';
import type { BackendAttempt } from './backend-error.js';
import { createBackendRegistry, type BackendInitOptions } from './backend-registry.js';
import { builtinBackends, wasmThreadsFor } from './builtin-backends.js';
import type { GpuAdapterInfo } from './gpu-adapter.js';

/** Backends painkd can select; `auto` tries them in this order. */
export const BACKEND_NAMES = ['webgpu', 'tfjs-node-gpu', 'tfjs-node', 'wasm', 'cpu'] as const;

/** A backend name, or `auto`. */
export type BackendName = 'auto' | (typeof BACKEND_NAMES)[number];

/** The active backend and how it was chosen. */
export interface BackendInfo {
  /** The painkd name of the active backend. */
  readonly name: (typeof BACKEND_NAMES)[number];
  /** Every candidate tried, in order; failures carry the reason. */
  readonly tried: readonly BackendAttempt[];
  /** Threads the backend computes with (wasm under Node: always 1, see builtin-backends). */
  readonly threads: number;
  /**
   * The GPU adapter (webgpu only). Its presence means one device holds every tensor: jobs share
   * it from one thread rather than each opening its own.
   */
  readonly adapter?: GpuAdapterInfo;
}

const registry = createBackendRegistry();
for (const candidate of builtinBackends()) registry.register(candidate);

/**
 * Activates a tfjs backend. `auto` tries webgpu (hardware adapters only) → tfjs-node-gpu →
 * tfjs-node → wasm → cpu and keeps the first that works; a named backend is tried alone. Throws a
 * `BackendError` (`BACKEND_UNKNOWN`, `BACKEND_UNAVAILABLE`, `BACKEND_BAD_OPTIONS`) listing every
 * reason.
 *
 * @example
 * ```ts
 * const info = await initBackend('auto');
 * console.log(info.name); // 'wasm' on a machine without a GPU or the native bindings
 * for (const t of info.tried) if (!t.ok) console.log(t.name, t.reason);
 * ```
 */
export async function initBackend(name: BackendName, options: BackendInitOptions = {}): Promise<BackendInfo> {
  const resolution = await registry.resolve(name, options);
  const active = resolution.name as BackendInfo['name'];
  const threads = active === 'wasm' ? await wasmThreadsFor(options) : active === 'cpu' || active === 'webgpu' ? 1 : (options.threads ?? 1);
  return { name: active, tried: resolution.tried, threads, ...(resolution.adapter ? { adapter: resolution.adapter } : {}) };
}

/** The tfjs name of the active backend (`wasm`, `cpu`, `webgpu`, `tensorflow`, …). */
export function activeBackend(): string {
  return tf.getBackend();
}
