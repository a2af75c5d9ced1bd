/** @module Mean smooth-L1 (Huber, β = 1) difference of two tensors, PyTorch `F.smooth_l1_loss`. */
import * as tf from '@tensorflow/tfjs';

/**
 * Mean over every element of the Huber penalty with β = 1, PyTorch
 * `F.smooth_l1_loss(a, b)` (mean reduction):
 *
 *   ℓ(x) = x²/2 if |x| < 1, |x| − 1/2 otherwise,  x = a − b
 *
 * written as q²/2 + (|x| − q) with q = min(|x|, 1), whose gradient is x inside and sign(x)
 * outside, and 0 at x = 0. Shapes must match (the callers guarantee it).
 *
 * @example
 * smoothL1Loss(tf.tensor1d([0, 3]), tf.tensor1d([0.5, 0])); // (0.125 + 2.5) / 2
 */
export function smoothL1Loss(a: tf.Tensor, b: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    const abs = tf.abs(tf.sub(a, b));
    const inner = tf.minimum(abs, 1);
    return tf.mean(tf.add(tf.mul(tf.square(inner), 0.5), tf.sub(abs, inner))) as tf.Scalar;
  });
}
