/** @module Test helper: the real tfjs backends every tfjs-touching test of this lib runs on. */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';

/** Backends the tests cover: the reference `cpu` and the `wasm` backend painkd trains on. */
export const TEST_BACKENDS = ['cpu', 'wasm'] as const;

/** Activates `name` (and waits for it to be ready). */
export async function useBackend(name: (typeof TEST_BACKENDS)[number]): Promise<void> {
  const ok = await tf.setBackend(name);
  if (!ok) throw new Error(`tfjs backend ${name} failed to initialise`);
  await tf.ready();
}
