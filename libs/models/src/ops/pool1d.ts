/**
 * @module 1-D max and average pooling ('valid', channels-last) on every backend. They run the
 * backends' 2-D pooling kernels on a `[batch, 1, length, channels]` view; both kernels and their
 * gradients (`MaxPoolGrad`, `AvgPoolGrad`) exist on wasm and cpu.
 */
import * as tf from '@tensorflow/tfjs';

function view(x: tf.Tensor3D): tf.Tensor4D {
  const [b, l, c] = x.shape;
  return tf.reshape(x, [b, 1, l, c]);
}

function unview(y: tf.Tensor4D): tf.Tensor3D {
  const [b, , l, c] = y.shape;
  return tf.reshape(y, [b, l, c]);
}

/**
 * Max pooling over time: `[B, L, C]` → `[B, ⌊(L − poolSize) / stride⌋ + 1, C]`.
 *
 * @example
 * const y = maxPool1d(x, 2, 2); // halves the length
 */
export function maxPool1d(x: tf.Tensor3D, poolSize: number, stride: number): tf.Tensor3D {
  return unview(tf.maxPool(view(x), [1, poolSize], [1, stride], 'valid'));
}

/**
 * Average pooling over time: `[B, L, C]` → `[B, ⌊(L − poolSize) / stride⌋ + 1, C]`.
 *
 * @example
 * const y = avgPool1d(x, 4, 4);
 */
export function avgPool1d(x: tf.Tensor3D, poolSize: number, stride: number): tf.Tensor3D {
  return unview(tf.avgPool(view(x), [1, poolSize], [1, stride], 'valid'));
}
