/**
 * @module The onnxruntime-web adapter (WebAssembly execution provider). It runs in browsers and in
 * Node (no native binary), which makes it the fallback everywhere. The WASM thread count is global
 * to the page/process and fixed once the WASM module has started, so the first session wins.
 */
import type { OnnxRuntime } from './runtime-types.js';

/**
 * Loads onnxruntime-web with the WASM execution provider and `threads` threads (1 = no workers).
 *
 * @example
 * ```ts
 * const runtime = await loadWebRuntime(1);
 * ```
 */
export async function loadWebRuntime(threads: number): Promise<OnnxRuntime> {
  const ort = await import('onnxruntime-web');
  ort.env.wasm.numThreads = threads;
  ort.env.wasm.proxy = false;
  return {
    name: 'web',
    createSession: (model) =>
      ort.InferenceSession.create(model, {
        executionProviders: ['wasm'],
        graphOptimizationLevel: 'all',
        executionMode: 'sequential',
      }),
    floatTensor: (data, dims) => new ort.Tensor('float32', data, dims),
  };
}
