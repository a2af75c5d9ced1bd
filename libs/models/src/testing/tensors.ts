/**
 * @module Test support: the backends the op tests cover, and reading results on all of them
 * (a GPU backend reads only asynchronously).
 */
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../backends/init-backend.js';

/** Every backend an op must match the cpu reference on: wasm, cpu, and webgpu (lavapipe where no GPU is). */
export const OP_BACKENDS = ['wasm', 'cpu', 'webgpu'] as const;

/** A backend of {@link OP_BACKENDS}. */
export type OpBackend = (typeof OP_BACKENDS)[number];

/**
 * Activates `name` through painkd's registry (which opens the WebGPU device on first use).
 *
 * @example
 * await useBackend('webgpu');
 */
export async function useBackend(name: OpBackend): Promise<void> {
  await initBackend(name);
}

/**
 * Copies of the values of `tensors`, read asynchronously; the tensors are disposed.
 *
 * @example
 * const [y, dx] = await readAll(tf.tidy(() => [f(x), tf.grad(f)(x)]));
 */
export async function readAll(tensors: readonly tf.Tensor[]): Promise<Float32Array[]> {
  const values = await Promise.all(tensors.map((t) => t.data()));
  tf.dispose([...tensors]);
  return values.map((v) => Float32Array.from(v as Float32Array));
}
