/**
 * @module The five tfjs backends painkd knows, in `auto` order: webgpu (a hardware adapter only;
 * see webgpu-backend.ts) → tfjs-node-gpu → tfjs-node → wasm → cpu. The tfjs-node bindings are
 * optional and never installed by default: they are loaded with a dynamic `import()` whose
 * failure is recorded, not thrown.
 *
 * WASM threads: `@tensorflow/tfjs-backend-wasm` 4.22 reports no multithread support under Node
 * (`WASM_HAS_MULTITHREAD_SUPPORT` is hard-wired to false there, tfjs#3830); forcing the flag makes
 * the threaded binary try to spawn its pthread workers from a `blob:` URL, which Node's `Worker`
 * rejects (`ERR_WORKER_PATH`). So in Node the SIMD single-threaded binary is used and `threads`
 * is honoured only where the runtime supports it (browsers with cross-origin isolation); use
 * worker threads (one training job per thread) for parallelism in Node.
 */
import * as tf from '@tensorflow/tfjs';
import * as tfWasm from '@tensorflow/tfjs-backend-wasm';
import { activateBackend } from './activate-backend.js';
import type { BackendCandidate, BackendInitOptions } from './backend-registry.js';
import { webgpuCandidate } from './webgpu-backend.js';

async function loadOptional(specifier: string): Promise<void> {
  try {
    await import(specifier);
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new Error(`cannot load optional package ${specifier} (${message})`);
  }
}

function nativeCandidate(name: 'tfjs-node-gpu' | 'tfjs-node', priority: number): BackendCandidate {
  const specifier = name === 'tfjs-node-gpu' ? '@tensorflow/tfjs-node-gpu' : '@tensorflow/tfjs-node';
  return {
    name,
    priority,
    async init() {
      await loadOptional(specifier);
      await activateBackend('tensorflow');
    },
  };
}

/** Thread count the wasm backend will use for `options` in this runtime (1 under Node). */
export async function wasmThreadsFor(options: BackendInitOptions): Promise<number> {
  const requested = options.threads ?? 1;
  const multithread = await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT');
  return multithread === true ? requested : 1;
}

const wasmCandidate: BackendCandidate = {
  name: 'wasm',
  priority: 30,
  async init(options) {
    const threads = await wasmThreadsFor(options);
    if (threads > 1 && tf.findBackend('wasm') === null) tfWasm.setThreadsCount(threads);
    await activateBackend('wasm');
  },
};

const cpuCandidate: BackendCandidate = {
  name: 'cpu',
  priority: 40,
  async init() {
    await activateBackend('cpu');
  },
};

/** The built-in candidates, in priority order. */
export function builtinBackends(): BackendCandidate[] {
  return [webgpuCandidate(), nativeCandidate('tfjs-node-gpu', 10), nativeCandidate('tfjs-node', 20), wasmCandidate, cpuCandidate];
}
