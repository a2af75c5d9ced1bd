/**
 * @module Per-channel affine map `x · scale + shift` (optional ReLU) on a `[1, 1, N, C]` view, as
 * one 1 × 1 depthwise convolution with bias (`FusedDepthwiseConv2D`). On wasm that is XNNPACK's
 * depthwise kernel: ≈ 0.05 ms for N·C = 180k, where the broadcasting `mul` + `add` + `relu` it
 * replaces costs ≈ 0.3 ms (tfjs-wasm's broadcast binary ops take a generic path).
 */
import * as tf from '@tensorflow/tfjs';

/**
 * `relu?(x · scale + shift)` per channel, `scale` and `shift` given on the host. No gradient:
 * meant for the forward and backward passes of custom ops.
 *
 * @example
 * const centred = channelAffine(view, ones, negMean, false);
 */
export function channelAffine(view: tf.Tensor4D, scale: Float32Array, shift: Float32Array, relu: boolean): tf.Tensor4D {
  return tf.tidy(() => {
    const channels = view.shape[3];
    const filter = tf.tensor4d(scale, [1, 1, channels, 1]);
    const bias = tf.tensor1d(shift);
    return tf.engine().runKernel(
      'FusedDepthwiseConv2D',
      { x: view, filter, bias },
      { strides: [1, 1], pad: 'valid', dataFormat: 'NHWC', dilations: [1, 1], activation: relu ? 'relu' : 'linear' },
    ) as tf.Tensor4D;
  });
}
