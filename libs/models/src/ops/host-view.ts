/**
 * @module Zero-copy host access to a float32 tensor's values on the backends whose memory is the
 * host's: on wasm a `Float32Array` view of the WASM heap (no copy, unlike `dataSync`, which
 * slices), on cpu (and tfjs-node) `dataSync()`. Host-side kernels (Adam, max-pool gradient)
 * read their inputs through it. On a GPU backend (webgpu) nothing may be read synchronously:
 * ops ask {@link hostMemory} and keep their work on the device there.
 */
import * as tf from '@tensorflow/tfjs';
import { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

const HOST_BACKENDS = new Set(['wasm', 'cpu', 'tensorflow']);

/**
 * Whether the active backend keeps tensors in host memory (wasm, cpu, tfjs-node), where
 * host-side kernels are cheap. False on GPU backends (webgpu): there every op stays on the
 * device and a synchronous read would stall it (Dawn for Node cannot read synchronously at all).
 *
 * @example
 * ```ts
 * const dk = hostMemory() ? conv1dFilterGrad(x, dy, k, stride, g) : deviceFilterGrad(x, dy, kernelShape, stride, g);
 * ```
 */
export function hostMemory(): boolean {
  return HOST_BACKENDS.has(tf.getBackend());
}

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

/**
 * A new zero-filled float32 tensor and a writable view of its values, for host-side kernels that
 * produce a tensor: on wasm the view is the tensor's own heap memory (no JavaScript allocation,
 * no upload copy); elsewhere it is a fresh array that {@link HostOutput.finish} uploads. Fill the
 * view before creating any other tensor, then call `finish()` once.
 *
 * @example
 * ```ts
 * const out = hostOutput([64, 1, 88, 32]);
 * out.values.fill(1);
 * const t = out.finish();
 * ```
 */
export function hostOutput(shape: readonly number[]): HostOutput {
  const backend = tf.backend();
  if (backend instanceof BackendWasm) {
    const tensor = tf.fill([...shape], 0);
    return { values: backend.typedArrayFromHeap(tensor) as Float32Array, finish: () => tensor };
  }
  const values = new Float32Array(shape.reduce((a, b) => a * b, 1));
  return { values, finish: () => tf.tensor(values, [...shape]) };
}

/** What {@link hostOutput} returns. */
export interface HostOutput {
  /** Zero-filled values to write, row-major. */
  readonly values: Float32Array;
  /** The tensor holding `values`. */
  finish(): tf.Tensor;
}
