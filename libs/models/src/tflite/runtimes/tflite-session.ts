/**
 * @module One interface over the TFLite runtimes painkd validates and measures with — neither of
 * them written by painkd: `tfjs-tflite` (@tensorflow/tfjs-tflite, TFLite's web API in wasm) and
 * `litert` (LiteRT.js, @litertjs/core, the XNNPACK CPU path). Both run in Node through
 * {@link withNodeWasmShim}. A session runs one window at a time (TFLite models have a fixed batch
 * of 1, as on a device).
 */
import { TfliteError } from '../tflite-error.js';
import { createLiteRtSession } from './litert-runtime.js';
import { createTfjsTfliteSession } from './tfjs-tflite-runtime.js';

/** A TFLite runtime painkd can run a model in. */
export type TfliteRuntimeName = 'tfjs-tflite' | 'litert';

/** Every TFLite runtime, in the order the benchmark and the report list them. */
export const TFLITE_RUNTIMES: readonly TfliteRuntimeName[] = ['tfjs-tflite', 'litert'];

/** Element type of a model's input or output as a session sees it. */
export type TfliteIoType = 'float32' | 'int8';

/** A model loaded in one TFLite runtime. */
export interface TfliteSession {
  readonly runtime: TfliteRuntimeName;
  readonly inputType: TfliteIoType;
  readonly outputType: TfliteIoType;
  /** Input shape, batch included (`[1, length, channels]`). */
  readonly inputShape: readonly number[];
  /** Runs one window (`length × channels` values, channels-last) and returns the output values. */
  run(input: Float32Array | Int8Array): Promise<Float32Array | Int8Array>;
  dispose(): Promise<void>;
}

/**
 * Loads `.tflite` bytes in a runtime. Throws {@link TfliteError} `TFLITE_RUNTIME_FAILED` naming the
 * runtime when it cannot load or refuses the model.
 *
 * @example
 * ```ts
 * const session = await createTfliteSession(bytes, 'litert');
 * const logits = await session.run(window);
 * await session.dispose();
 * ```
 */
export async function createTfliteSession(model: Uint8Array, runtime: TfliteRuntimeName): Promise<TfliteSession> {
  try {
    return runtime === 'litert' ? await createLiteRtSession(model) : await createTfjsTfliteSession(model);
  } catch (error) {
    if (error instanceof TfliteError) throw error;
    throw new TfliteError('TFLITE_RUNTIME_FAILED', `${runtime} could not load the model: ${error instanceof Error ? error.message : String(error)}`, { cause: error, details: { runtime } });
  }
}
