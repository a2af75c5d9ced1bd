/** @module Switches tfjs to a registered backend and checks that the switch took. */
import * as tf from '@tensorflow/tfjs';

/**
 * `tf.setBackend(name)` then `tf.ready()`; throws when tfjs did not end up on `name` (a backend
 * whose factory failed leaves tfjs on another one without throwing).
 *
 * @example
 * ```ts
 * await activateBackend('wasm');
 * ```
 */
export async function activateBackend(tfName: string): Promise<void> {
  const ok = await tf.setBackend(tfName);
  if (!ok || tf.getBackend() !== tfName) throw new Error(`tf.setBackend('${tfName}') failed`);
  await tf.ready();
}
