/**
 * @module Zero-copy host access to a float32 tensor's values on the backends whose memory is the
 * host's: on wasm a `Float32Array` view of the WASM heap (no copy, unlike `dataSync`, which
 * slices), on cpu (and tfjs-node) `dataSync()`. Host-side kernels (Adam, max-pool gradient)
 * read their inputs through it.
 */
import * as tf from '@tensorflow/tfjs';
import { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

/**
 * The values of `t` as a Float32Array. On wasm it is a view of the heap: read it before the next
 * tensor is allocated (heap growth detaches it) and never write to it.
 *
 * @example
 * ```ts
 * const g = hostView(grad); // use now, then create tensors
 * ```
 */
export function hostView(t: tf.Tensor): Float32Array {
  const backend = tf.backend();
  if (backend instanceof BackendWasm && t.dtype === 'float32' && backend.dataIdMap.has(t.dataId)) {
    return backend.typedArrayFromHeap(t) as Float32Array;
  }
  return t.dataSync() as Float32Array;
}
