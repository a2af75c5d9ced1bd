/**
 * @module The gradients of `conv1dView` on GPU backends: the backend's own
 * `Conv2DBackpropInput` and `Conv2DBackpropFilter` kernels (tfjs-backend-webgpu has both; one
 * dispatch each), given the forward pass's explicit padding. The host-side im2col of conv1d.ts
 * would need a synchronous read of device memory.
 */
import * as tf from '@tensorflow/tfjs';
import type { Conv1dGeometry } from './conv1d-geometry.js';

type Pads = [[number, number], [number, number], [number, number], [number, number]];

function pads(g: Conv1dGeometry): Pads {
  return [
    [0, 0],
    [0, 0],
    [g.padLeft, g.padRight],
    [0, 0],
  ];
}

/**
 * dL/dx `[B, 1, L, C]` of a 1-D convolution viewed as 2-D, from `dy` `[B, 1, Lout, F]` and the
 * kernel `[1, K, C, F]`.
 *
 * @example
 * ```ts
 * const dx = conv1dDeviceInputGrad(dy, kernel, x.shape, 2, g);
 * ```
 */
export function conv1dDeviceInputGrad(dy: tf.Tensor4D, kernel: tf.Tensor4D, inputShape: readonly number[], stride: number, g: Conv1dGeometry): tf.Tensor4D {
  return tf.engine().runKernel(
    'Conv2DBackpropInput',
    { dy, filter: kernel },
    { strides: [1, stride], pad: pads(g), dataFormat: 'NHWC', inputShape: [...inputShape] },
  ) as tf.Tensor4D;
}

/**
 * dL/dkernel `[1, K, C, F]` of a 1-D convolution viewed as 2-D, from `x` `[B, 1, L, C]` and `dy`.
 *
 * @example
 * ```ts
 * const dk = conv1dDeviceFilterGrad(x, dy, kernel.shape, 2, g);
 * ```
 */
export function conv1dDeviceFilterGrad(x: tf.Tensor4D, dy: tf.Tensor4D, kernelShape: readonly number[], stride: number, g: Conv1dGeometry): tf.Tensor4D {
  return tf.engine().runKernel(
    'Conv2DBackpropFilter',
    { x, dy },
    { strides: [1, stride], pad: pads(g), dataFormat: 'NHWC', filterShape: [...kernelShape] },
  ) as tf.Tensor4D;
}
