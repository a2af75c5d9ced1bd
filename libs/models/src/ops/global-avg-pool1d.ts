/**
 * @module Global average pooling over time, `[batch, 1, length, channels]` → `[batch, channels]`:
 * one length-wide average pooling forward (`Mean` over a middle axis transposes first), one
 * broadcast multiply backward (instead of the generic `AvgPoolGrad`).
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
    const pooled = tf.engine().runKernel('AvgPool', { x: input }, { filterSize: [1, length], strides: [1, 1], pad: 'valid' }) as tf.Tensor;
    return {
      value: tf.reshape(pooled, [batch, channels]),
      gradFunc: (dy: tf.Tensor) => tf.mul(tf.reshape(dy, [batch, 1, 1, channels]), tf.fill([1, 1, length, 1], 1 / length)),
    };
  });
  return op(x) as tf.Tensor2D;
}
