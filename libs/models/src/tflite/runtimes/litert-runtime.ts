/**
 * @module The `litert` session: LiteRT.js (@litertjs/core) on its wasm (XNNPACK) CPU accelerator,
 * loaded once per process in Node through the wasm shim. LiteRT.js tensors are float32, int32 or
 * uint8 only, so an int8-input model (the microcontroller variant) cannot be fed from JavaScript:
 * such a model is refused with `TFLITE_RUNTIME_FAILED`; the float-I/O int8 model runs.
 */
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { loadAndCompile, loadLiteRt, Tensor, type LiteRt } from '@litertjs/core';
import { TfliteError } from '../tflite-error.js';
import { withNodeWasmShim } from './node-wasm-shim.js';
import type { TfliteSession } from './tflite-session.js';

const wasmDir = join(dirname(createRequire(import.meta.url).resolve('@litertjs/core/package.json')), 'wasm') + '/';
let runtime: Promise<LiteRt> | undefined;

/**
 * Loads a model in LiteRT.js.
 *
 * @example
 * ```ts
 * const session = await createLiteRtSession(bytes);
 * ```
 */
export async function createLiteRtSession(model: Uint8Array): Promise<TfliteSession> {
  runtime ??= withNodeWasmShim(wasmDir, () => loadLiteRt(wasmDir));
  await runtime;
  const compiled = await loadAndCompile(model, { accelerator: 'wasm' });
  const input = compiled.getInputDetails()[0]!;
  const output = compiled.getOutputDetails()[0]!;
  if (input.dtype !== 'float32' || output.dtype !== 'float32') {
    compiled.delete();
    throw new TfliteError('TFLITE_RUNTIME_FAILED', `litert: the model's input/output are ${input.dtype}/${output.dtype}; LiteRT.js feeds float32, int32 or uint8 only (use the float-I/O model)`, { details: { runtime: 'litert' } });
  }
  const shape = [...input.shape];
  return {
    runtime: 'litert',
    inputType: 'float32',
    outputType: 'float32',
    inputShape: shape,
    run: async (values) => {
      if (!(values instanceof Float32Array)) throw new TfliteError('TFLITE_RUNTIME_FAILED', 'litert: the input must be a Float32Array', { details: { runtime: 'litert' } });
      const x = new Tensor(values, shape);
      const [y] = await compiled.run(x);
      const data = Float32Array.from(y!.toTypedArray());
      x.delete();
      y!.delete();
      return data;
    },
    dispose: async () => compiled.delete(),
  };
}
