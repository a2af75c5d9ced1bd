/**
 * @module Global average pooling over time, `[batch, 1, length, channels]` → `[batch, channels]`,
 * as one broadcast matMul forward (`Mean` over a leading axis transposes first) and one
 * broadcast multiply backward.
 */
import * as tf from '@tensorflow/tfjs';

/**
 * Mean over the length axis of a `[B, 1, L, C]` view.
 *
 * @example
 * ```ts
 * const pooled = globalAvgPool1dView(x4); // [B, C]
 * ```
 */
export function globalAvgPool1dView(x: tf.Tensor4D): tf.Tensor2D {
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const input = args[0] as tf.Tensor4D;
    const [batch, , length, channels] = input.shape;
    const weights = tf.fill([1, 1, length], 1 / length) as tf.Tensor3D;
    const pooled = tf.matMul(weights, tf.reshape(input, [batch, length, channels]));
    return {
      value: tf.reshape(pooled, [batch, channels]),
      gradFunc: (dy: tf.Tensor) => tf.mul(tf.reshape(dy, [batch, 1, 1, channels]), tf.fill([1, 1, length, 1], 1 / length)),
    };
  });
  return op(x) as tf.Tensor2D;
}
