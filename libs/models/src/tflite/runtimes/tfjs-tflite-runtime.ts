/**
 * @module The `tfjs-tflite` session: @tensorflow/tfjs-tflite (TFLite's web interpreter in wasm,
 * single-threaded SIMD build), loaded in Node through the wasm shim. Inputs go in as tfjs tensors
 * (int8 as int32 values, the package's convention), outputs come back as typed arrays; whichever
 * tfjs backend is active holds them (`tf.ready()` starts the default one in a process that has
 * none yet, e.g. a CLI that trained in worker threads).
 *
 * The package starts loading its wasm from a relative path as soon as it is imported, in the
 * background; in Node that load needs `self` and would crash the process later. So it is imported
 * lazily, inside the shim, which stays in place until that background load has tried (and, there
 * being no such file, harmlessly failed) its `importScripts`.
 */
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import * as tf from '@tensorflow/tfjs';
import type { TFLiteModel } from '@tensorflow/tfjs-tflite';
import { TfliteError } from '../tflite-error.js';
import { nextImportScripts, withNodeWasmShim } from './node-wasm-shim.js';
import type { TfliteIoType, TfliteSession } from './tflite-session.js';

const wasmDir = join(dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-tflite/package.json')), 'wasm') + '/';
type TfjsTflite = typeof import('@tensorflow/tfjs-tflite');
let loaded: Promise<TfjsTflite> | undefined;

/** Imports the package once, inside the shim, and points it at its own `wasm/` folder. */
function tfjsTflite(): Promise<TfjsTflite> {
  loaded ??= withNodeWasmShim(wasmDir, async () => {
    const backgroundLoadTried = nextImportScripts();
    const module = await import('@tensorflow/tfjs-tflite');
    await backgroundLoadTried;
    module.setWasmPath(wasmDir);
    return module;
  });
  return loaded;
}

/**
 * Loads a model in tfjs-tflite.
 *
 * @example
 * ```ts
 * const session = await createTfjsTfliteSession(bytes);
 * ```
 */
export async function createTfjsTfliteSession(model: Uint8Array): Promise<TfliteSession> {
  await tf.ready();
  const tflite = await tfjsTflite();
  const buffer = model.buffer.slice(model.byteOffset, model.byteOffset + model.byteLength) as ArrayBuffer;
  const runner: TFLiteModel = await withNodeWasmShim(wasmDir, () => tflite.loadTFLiteModel(buffer, { numThreads: 1 }));
  const input = runner.inputs[0]!;
  const output = runner.outputs[0]!;
  const ioType = (dtype: string | undefined, name: string): TfliteIoType => {
    if (dtype === 'float32') return 'float32';
    if (dtype === 'int32') return 'int8';
    throw new TfliteError('TFLITE_RUNTIME_FAILED', `tfjs-tflite: ${name} has type ${dtype}, painkd models use float32 or int8`, { details: { runtime: 'tfjs-tflite' } });
  };
  const inputType = ioType(input.dtype, 'the input');
  const outputType = ioType(output.dtype, 'the output');
  const shape = (input.shape ?? []).map((d) => d);
  return {
    runtime: 'tfjs-tflite',
    inputType,
    outputType,
    inputShape: shape,
    run: async (values) => {
      const x = tf.tensor(values instanceof Int8Array ? Int32Array.from(values) : values, shape, inputType === 'int8' ? 'int32' : 'float32');
      const y = runner.predict(x) as tf.Tensor;
      const data = y.dataSync();
      x.dispose();
      y.dispose();
      return outputType === 'int8' ? Int8Array.from(data) : Float32Array.from(data);
    },
    dispose: async () => undefined,
  };
}
