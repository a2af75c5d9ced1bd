/** @module The onnxruntime-node adapter (native CPU execution provider). */
import type { OnnxRuntime } from './runtime-types.js';

/**
 * Loads onnxruntime-node; sessions run sequentially with `threads` intra-op threads.
 *
 * @example
 * ```ts
 * const runtime = await loadNodeRuntime(1);
 * const session = await runtime.createSession(bytes);
 * ```
 */
export async function loadNodeRuntime(threads: number): Promise<OnnxRuntime> {
  const ort = await import('onnxruntime-node');
  return {
    name: 'node',
    createSession: (model) =>
      ort.InferenceSession.create(model, {
        executionProviders: ['cpu'],
        intraOpNumThreads: threads,
        interOpNumThreads: 1,
        executionMode: 'sequential',
        graphOptimizationLevel: 'all',
      }),
    floatTensor: (data, dims) => new ort.Tensor('float32', data, dims),
  };
}
