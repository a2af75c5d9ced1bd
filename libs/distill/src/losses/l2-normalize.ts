/** @module L2 normalisation along one axis, PyTorch `F.normalize`, with no gradient through zero vectors. */
import * as tf from '@tensorflow/tfjs';

/** PyTorch `F.normalize`'s default `eps`: vectors shorter than this are not scaled up. */
const EPSILON = 1e-12;

/**
 * `x / max(‖x‖₂, ε)` along `axis` (ε = 1e−12), PyTorch `F.normalize(x, p=2, dim=axis)`, with one
 * deliberate difference: a vector shorter than ε (in practice an exact zero vector, e.g. the
 * Gram row of an all-zero embedding) maps to 0 **and passes no gradient**. `F.normalize` also
 * maps it to 0 but hands it the gradient 1/ε = 1e12 × upstream, which throws a student's
 * weights far off.
 * Values are identical everywhere; gradients are identical wherever every vector is ≥ ε long.
 * The norm is taken as √max(Σx², ε²), so no `sqrt(0)` (infinite slope) enters the graph.
 *
 * @example
 * l2Normalize(tf.tensor2d([[3, 4], [0, 0]]), 1); // [[0.6, 0.8], [0, 0]]
 */
export function l2Normalize<T extends tf.Tensor>(x: T, axis: number): T {
  return tf.tidy(() => {
    const squared = tf.sum(tf.square(x), axis, true);
    const long = tf.cast(tf.greaterEqual(squared, EPSILON * EPSILON), 'float32');
    return tf.mul(x, tf.div(long, tf.sqrt(tf.maximum(squared, EPSILON * EPSILON)))) as T;
  });
}
