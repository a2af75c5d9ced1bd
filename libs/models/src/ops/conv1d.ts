/**
 * @module A trainable 1-D convolution that runs on every tfjs backend, wasm included.
 *
 * tfjs-backend-wasm has no `Conv2DBackpropFilter` kernel (tfjs#8474) and its
 * `Conv2DBackpropInput` is a slow generic loop, so the built-in `tf.conv1d` gradient cannot train
 * there. This op keeps the forward pass on the backend's own convolution (XNNPACK on wasm) and
 * defines both gradients itself, through forward convolutions only — the one convolution kernel
 * every backend implements fast:
 *
 * - input gradient: the transposed convolution, i.e. a stride-1 convolution of `dy` (dilated by
 *   the stride with zeros, padded by `K − 1 − padLeft` before) with the kernel reversed in time
 *   and transposed to `[K, filters, inChannels]`;
 * - filter gradient: a correlation of `x` with `dy` over batch and time, computed as a
 *   convolution whose "batch" is the input channel, whose "channels" are the batch and whose
 *   kernel is `dy` (time-major) dilated by the stride: `conv(xᵀ[C, L, B], dyᵀ[Lout, B, F])`
 *   gives `[C, K, F]`, transposed to `[K, C, F]`.
 *
 * Measured on tfjs-wasm (2-core box, B = 64, L = 88, 32 → 64 channels, K = 5): built-in
 * forward ≈ 5–8 ms; filter gradient here ≈ 9–11 ms, input gradient ≈ 5–7 ms, against ≈ 60 ms
 * for the built-in input gradient and no filter gradient at all; an im2col built from `gather`
 * costs ≈ 32 ms before its matMul, and `matMul` with a transposed operand leaves XNNPACK (≈ 56 ms).
 */
import * as tf from '@tensorflow/tfjs';
import { conv1dGeometry, type Conv1dGeometry } from './conv1d-geometry.js';

/** Options of {@link conv1d}. */
export interface Conv1dOptions {
  readonly stride: number;
  readonly padding: 'same' | 'valid';
  /**
   * Whether the input needs a gradient (default true). Pass false for the first layer of a net:
   * the input gradient is then zeros and costs nothing.
   */
  readonly inputGrad?: boolean;
}

type Pads = [[number, number], [number, number], [number, number], [number, number]];

function pads(left: number, right: number): Pads {
  return [
    [0, 0],
    [0, 0],
    [left, right],
    [0, 0],
  ];
}

function forward(x: tf.Tensor3D, kernel: tf.Tensor3D, stride: number, g: Conv1dGeometry): tf.Tensor3D {
  const [batch, length, channels] = x.shape;
  const [k, , filters] = kernel.shape;
  const y = tf.conv2d(
    tf.reshape(x, [batch, 1, length, channels]) as tf.Tensor4D,
    tf.reshape(kernel, [1, k, channels, filters]) as tf.Tensor4D,
    [1, stride],
    pads(g.padLeft, g.padRight),
  );
  return tf.reshape(y, [batch, g.outLength, filters]);
}

/** dL/dx: the transposed convolution of `dy`, expressed as a stride-1 forward convolution. */
export function conv1dInputGrad(dy: tf.Tensor3D, kernel: tf.Tensor3D, stride: number, g: Conv1dGeometry): tf.Tensor3D {
  return tf.tidy(() => {
    const [batch, outLength, filters] = dy.shape;
    const [k, channels] = kernel.shape;
    let dilated: tf.Tensor3D = dy;
    if (stride > 1) {
      const zeros = tf.zeros([batch, outLength, stride - 1, filters]);
      dilated = tf.reshape(tf.concat([tf.reshape(dy, [batch, outLength, 1, filters]), zeros], 2), [batch, outLength * stride, filters]);
    }
    const left = k - 1 - g.padLeft;
    let right = g.inLength + g.padLeft - dilated.shape[1];
    if (right < 0) {
      dilated = tf.slice(dilated, [0, 0, 0], [batch, dilated.shape[1] + right, filters]);
      right = 0;
    }
    const flipped = tf.transpose(tf.reverse(kernel, 0), [0, 2, 1]);
    const dx = tf.conv2d(
      tf.reshape(dilated, [batch, 1, dilated.shape[1], filters]) as tf.Tensor4D,
      tf.reshape(flipped, [1, k, filters, channels]) as tf.Tensor4D,
      1,
      pads(left, right),
    );
    return tf.reshape(dx, [batch, g.inLength, channels]);
  });
}

/** dL/dkernel: the correlation of `x` and `dy`, expressed as one forward convolution. */
export function conv1dFilterGrad(x: tf.Tensor3D, dy: tf.Tensor3D, kernelSize: number, stride: number, g: Conv1dGeometry): tf.Tensor3D {
  return tf.tidy(() => {
    const [batch, length, channels] = x.shape;
    const [, outLength, filters] = dy.shape;
    const xt = tf.reshape(tf.transpose(x, [2, 1, 0]), [channels, 1, length, batch]) as tf.Tensor4D;
    const dyt = tf.reshape(tf.transpose(dy, [1, 0, 2]), [1, outLength, batch, filters]) as tf.Tensor4D;
    const full = tf.conv2d(xt, dyt, 1, pads(g.padLeft, g.padRight), 'NHWC', [1, stride]);
    const width = full.shape[2];
    const cut = width === kernelSize ? full : tf.slice(full, [0, 0, 0, 0], [channels, 1, kernelSize, filters]);
    return tf.transpose(tf.reshape(cut, [channels, kernelSize, filters]), [1, 0, 2]);
  });
}

type Conv1dFn = (x: tf.Tensor3D, kernel: tf.Tensor3D) => tf.Tensor3D;
const cache = new Map<string, Conv1dFn>();

function build(stride: number, padding: 'same' | 'valid', inputGrad: boolean): Conv1dFn {
  const f = (...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const x3 = args[0] as tf.Tensor3D;
    const k3 = args[1] as tf.Tensor3D;
    const save = args[2] as tf.GradSaveFunc;
    const g = conv1dGeometry(x3.shape[1], k3.shape[0], stride, padding);
    save([x3, k3]);
    return {
      value: forward(x3, k3, stride, g),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [sx, sk] = saved as [tf.Tensor3D, tf.Tensor3D];
        const dy3 = dy as tf.Tensor3D;
        const dx = inputGrad ? conv1dInputGrad(dy3, sk, stride, g) : tf.zerosLike(sx);
        return [dx, conv1dFilterGrad(sx, dy3, sk.shape[0], stride, g)];
      },
    };
  };
  const op = tf.customGrad(f);
  return (x, kernel) => op(x, kernel) as tf.Tensor3D;
}

/**
 * 1-D convolution of `x` `[batch, length, inChannels]` with `kernel` `[kernelSize, inChannels,
 * filters]` (no bias), trainable on every backend (see the module comment for how).
 *
 * @example
 * ```ts
 * const y = conv1d(x, kernel, { stride: 1, padding: 'same' }); // [batch, length, filters]
 * const grads = tf.grads((a, b) => tf.sum(conv1d(a as tf.Tensor3D, b as tf.Tensor3D, opts)))([x, kernel]);
 * ```
 */
export function conv1d(x: tf.Tensor3D, kernel: tf.Tensor3D, options: Conv1dOptions): tf.Tensor3D {
  const inputGrad = options.inputGrad ?? true;
  const key = `${options.stride}|${options.padding}|${inputGrad}`;
  let fn = cache.get(key);
  if (!fn) {
    fn = build(options.stride, options.padding, inputGrad);
    cache.set(key, fn);
  }
  return fn(x, kernel);
}
