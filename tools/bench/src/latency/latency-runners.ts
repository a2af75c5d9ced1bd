/**
 * @module The runtimes the latency benchmark times, each as "give me a function that runs this
 * model on this packed batch": tfjs (WASM backend, the net rebuilt from its spec) and ONNX Runtime
 * via @painkd/runtime (onnxruntime-node and onnxruntime-web/WASM, one thread each). Every call goes
 * from a Float32Array in to logits in a Float32Array out, as a server would.
 */
import { createNet, predictNet } from '@painkd/models';
import { createInferenceSession } from '@painkd/runtime';
import type { LatencyModel } from './latency-models.js';

/** Runtime labels used in the table and in `bench/latency.json`. */
export const LATENCY_RUNTIMES = ['tfjs-wasm', 'onnxruntime-web', 'onnxruntime-node'] as const;

/** A runtime label. */
export type LatencyRuntime = (typeof LATENCY_RUNTIMES)[number];

/** A prepared model on a runtime: `call` runs one batch; `close` frees it. */
export interface PreparedRunner {
  call(): Promise<unknown>;
  close(): Promise<void>;
}

/**
 * Prepares `model` on `runtime` for batches of `batch` copies of `input` windows, or returns
 * `null` when the combination does not exist (tfjs has no int8 path).
 *
 * @example
 * ```ts
 * const runner = await prepareRunner(model, 'onnxruntime-node', packed, 32);
 * await runner?.call();
 * ```
 */
export async function prepareRunner(model: LatencyModel, runtime: LatencyRuntime, input: Float32Array, batch: number): Promise<PreparedRunner | null> {
  if (runtime === 'tfjs-wasm') {
    if (model.precision !== 'fp32') return null;
    const net = createNet(model.spec, { seed: 1 });
    return {
      call: async () => predictNet(net, input, batch).logits,
      close: async () => net.dispose(),
    };
  }
  const session = await createInferenceSession(model.onnx, { runtime: runtime === 'onnxruntime-node' ? 'node' : 'web', threads: 1 });
  return {
    call: () => session.run(input, batch),
    close: () => session.dispose(),
  };
}
