/**
 * @module The runtimes latency is measured on, each as "give me a function that runs this model on
 * this packed batch": tfjs (WASM backend, the net rebuilt from its spec), ONNX Runtime via
 * @painkd/runtime (onnxruntime-node and onnxruntime-web/WASM, one thread each), and the two TFLite
 * runtimes (tfjs-tflite and LiteRT.js, batch 1: TFLite models have a fixed batch). Every call goes
 * from a Float32Array in to logits out, as a server would. Shared by `bench:latency` and the
 * trainer's brief measurement of its own artifact.
 */
import { createInferenceSession } from '@painkd/runtime';
import { createNet } from '../nets/create-net.js';
import type { NetSpec } from '../nets/net-spec.js';
import { predictNet } from '../nets/predict-net.js';
import { createTfliteSession } from '../tflite/runtimes/tflite-session.js';

/** Runtime labels used in tables, `latency.json` and the report. */
export const LATENCY_RUNTIMES = ['tfjs-wasm', 'onnxruntime-web', 'onnxruntime-node', 'tfjs-tflite', 'litert'] as const;

/** A runtime label. */
export type LatencyRuntime = (typeof LATENCY_RUNTIMES)[number];

/** A model to time: its spec (for tfjs), its ONNX bytes and, when there is one, its float-I/O `.tflite`. */
export interface LatencyTarget {
  readonly precision: 'fp32' | 'int8';
  readonly spec: NetSpec;
  readonly onnx: Uint8Array;
  readonly tflite?: Uint8Array;
}

/** A prepared model on a runtime: `call` runs one batch; `close` frees it. */
export interface PreparedRunner {
  call(): Promise<unknown>;
  close(): Promise<void>;
}

/**
 * Prepares `target` on `runtime` for batches of `batch` windows packed in `input`, or returns
 * `null` when the combination does not exist (tfjs has no int8 path; TFLite runtimes need a
 * `.tflite` and batch 1).
 *
 * @example
 * ```ts
 * const runner = await prepareRunner(student, 'litert', window, 1);
 * await runner?.call();
 * ```
 */
export async function prepareRunner(target: LatencyTarget, runtime: LatencyRuntime, input: Float32Array, batch: number): Promise<PreparedRunner | null> {
  if (runtime === 'tfjs-wasm') {
    if (target.precision !== 'fp32') return null;
    const net = createNet(target.spec, { seed: 1 });
    return {
      call: async () => predictNet(net, input, batch).logits,
      close: async () => net.dispose(),
    };
  }
  if (runtime === 'tfjs-tflite' || runtime === 'litert') {
    if (!target.tflite || batch !== 1) return null;
    const session = await createTfliteSession(target.tflite, runtime);
    return { call: () => session.run(input), close: () => session.dispose() };
  }
  const session = await createInferenceSession(target.onnx, { runtime: runtime === 'onnxruntime-node' ? 'node' : 'web', threads: 1 });
  return {
    call: () => session.run(input, batch),
    close: () => session.dispose(),
  };
}
