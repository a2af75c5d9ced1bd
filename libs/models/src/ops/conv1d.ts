/**
 * @module A trainable 1-D convolution that runs on every tfjs backend, wasm included.
 *
 * tfjs-backend-wasm has no `Conv2DBackpropFilter` kernel (tfjs#8474) and its
 * `Conv2DBackpropInput` is a slow generic loop, so the built-in `tf.conv1d` gradient cannot train
 * there. This op keeps the forward pass on the backend's own convolution (XNNPACK on wasm;
 * `FusedConv2D` when a bias or ReLU comes with it) and defines both gradients itself, through
 * forward convolutions and matMuls — the kernels every backend implements fast:
 *
 * - input gradient: the transposed convolution, i.e. a stride-1 convolution of `dy` (dilated by
 *   the stride with zeros, padded by `K − 1 − padLeft` before) with the kernel reversed in time
 *   and transposed to `[K, filters, inChannels]`;
 * - filter gradient: the correlation of `x` with `dy` over batch and time, as one matMul
 *   `dW[K·C, F] = colsᵀ[K·C, N] · dy[N, F]` (N = batch × output length), the transposed im2col
 *   `colsᵀ` written by a host loop straight into a WASM-heap tensor from the channel-major `xᵀ`.
 *   For a thin input (`K · C ≤ 16`, the 1-channel first layer) the product is turned around,
 *   `dWᵀ = dyᵀ · cols`, so that XNNPACK packs the small `cols` rather than `dy` (it re-packs a
 *   fresh right operand on every call, at ≈ 3–8 ns per float).
 *
 * On GPU backends (webgpu) both gradients are the backend's own backprop kernels instead
 * (conv1d-device-grad.ts): the host loops would need synchronous reads of device memory.
 *
 * Tensors travel as `[batch, 1, length, channels]` views so that no reshape runs between
 * consecutive layers. Measured on tfjs-wasm (2-core EPYC, one thread, B = 64): forward and input
 * gradient run at XNNPACK's ≈ 27 GFLOP/s, the filter gradient at ≈ 20 GFLOP/s (it re-packs
 * `dy`). Alternatives measured and dropped: the filter gradient as a convolution with `dy` (or
 * `x`) as the kernel, 15–25 % slower; tfjs's input gradient ≈ 60 ms where this one takes 2–4;
 * an im2col built with `gather` ≈ 32 ms before its matMul, with `slice` + `concat` ≈ 12.7 ms;
 * any `matMul` with a transposed operand leaves XNNPACK for a generic loop (≈ 10× slower).
 */
import * as tf from '@tensorflow/tfjs';
import { channelMean } from './channel-mean.js';
import { conv1dDeviceFilterGrad, conv1dDeviceInputGrad } from './conv1d-device-grad.js';
import { conv1dGeometry, type Conv1dGeometry } from './conv1d-geometry.js';
import { hostMemory, hostOutput, hostView } from './host-view.js';

/** Options of {@link conv1d}. */
export interface Conv1dOptions {
  readonly stride: number;
  readonly padding: 'same' | 'valid';
  /**
   * Whether the input needs a gradient (default true). Pass false for the first layer of a net:
   * the input gradient is then zeros and costs nothing.
   */
  readonly inputGrad?: boolean;
  /** Apply a ReLU to the output (default false); with a bias, one fused kernel does both. */
  readonly relu?: boolean;
  /**
   * With `relu`: the incoming gradient is already zero wherever the output is zero (a
   * `maxPool1dView` with `afterRelu` consumes it), so the gradient skips the ReLU mask.
   */
  readonly reluMaskedDownstream?: boolean;
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

/** The kernel reversed in time and transposed: `[K, C, F]` → `[1, K, F, C]`, on the host. */
function flippedKernel(kernel: tf.Tensor4D): tf.Tensor4D {
  const [, k, c, f] = kernel.shape;
  const result = hostOutput([1, k, f, c]);
  const out = result.values;
  const src = hostView(kernel);
  for (let j = 0; j < k; j++) {
    const from = (k - 1 - j) * c * f;
    let to = j * f * c;
    for (let fi = 0; fi < f; fi++) {
      for (let ci = 0, at = from + fi; ci < c; ci++, at += f) out[to++] = src[at]!;
    }
  }
  return result.finish() as tf.Tensor4D;
}

/** dL/dx: the transposed convolution of `dy` `[B, 1, Lout, F]`, as a stride-1 forward convolution. */
export function conv1dInputGrad(dy: tf.Tensor4D, kernel: tf.Tensor4D, stride: number, g: Conv1dGeometry): tf.Tensor4D {
  return tf.tidy(() => {
    const [batch, , outLength, filters] = dy.shape;
    const k = kernel.shape[1];
    let dilated: tf.Tensor4D = dy;
    if (stride > 1) {
      const zeros = tf.zeros([batch, outLength, stride - 1, filters]);
      dilated = tf.reshape(tf.concat([tf.reshape(dy, [batch, outLength, 1, filters]), zeros], 2), [batch, 1, outLength * stride, filters]);
    }
    const left = k - 1 - g.padLeft;
    let right = g.inLength + g.padLeft - dilated.shape[2];
    if (right < 0) {
      dilated = tf.slice(dilated, [0, 0, 0, 0], [batch, 1, dilated.shape[2] + right, filters]);
      right = 0;
    }
    return tf.conv2d(dilated, flippedKernel(kernel), 1, pads(left, right));
  });
}

/** Largest `kernelSize · inChannels` for which the filter gradient builds im2col on the host. */
const HOST_IM2COL_MAX = 16;

/**
 * Filter gradient for a thin input (`K · C ≤ 16`, e.g. the first layer on a 1-channel signal):
 * `dWᵀ[F, K·C] = dyᵀ · cols`, with `cols[N, K·C]` built by a host loop. The packed matMul operand
 * is then `cols` (N · K · C floats) instead of `dy` (N · F): 0.3 instead of 1 ms for 64 × 88
 * outputs × 32 filters on wasm.
 */
function filterGradThin(x: tf.Tensor4D, dy: tf.Tensor4D, kernelSize: number, stride: number, g: Conv1dGeometry): tf.Tensor4D {
  const [batch, , length, channels] = x.shape;
  const [, , outLength, filters] = dy.shape;
  const width = kernelSize * channels;
  const colsOut = hostOutput([batch * outLength, width]);
  const cols = colsOut.values;
  const xs = hostView(x);
  for (let b = 0, o = 0; b < batch; b++) {
    for (let t = 0; t < outLength; t++) {
      for (let k = 0; k < kernelSize; k++) {
        const pos = t * stride + k - g.padLeft;
        if (pos < 0 || pos >= length) {
          o += channels;
          continue;
        }
        for (let c = 0, at = (b * length + pos) * channels; c < channels; c++) cols[o++] = xs[at + c]!;
      }
    }
  }
  const dwT = tf.matMul(tf.transpose(tf.reshape(dy, [batch * outLength, filters])), colsOut.finish() as tf.Tensor2D);
  return tf.reshape(tf.transpose(dwT), [1, kernelSize, channels, filters]);
}

/**
 * Filter gradient as one matMul: `dW[K·C, F] = colsᵀ · dy[N, F]`, with `colsᵀ[K·C, N]` (the
 * transposed im2col of `x`) built by a host loop from the channel-major `xᵀ[C, B, L]`.
 */
function filterGradColsT(x: tf.Tensor4D, dy: tf.Tensor4D, kernelSize: number, stride: number, g: Conv1dGeometry): tf.Tensor4D {
  const [batch, , length, channels] = x.shape;
  const [, , outLength, filters] = dy.shape;
  const n = batch * outLength;
  const xt = tf.transpose(x, [3, 0, 1, 2]);
  const colsOut = hostOutput([kernelSize * channels, n]);
  const cols = colsOut.values;
  const xs = hostView(xt);
  if (stride === 1 && outLength === length) {
    // 'same' at stride 1: row (k, c) of colsᵀ is xᵀ[c] shifted by k − padLeft across the whole
    // batch — one block copy — with the |shift| samples that crossed a window edge zeroed.
    for (let k = 0; k < kernelSize; k++) {
      const shift = k - g.padLeft;
      for (let c = 0; c < channels; c++) {
        const o = (k * channels + c) * n;
        const src = c * n;
        if (shift >= 0) cols.set(xs.subarray(src + shift, src + n), o);
        else cols.set(xs.subarray(src, src + n + shift), o - shift);
        const width = Math.abs(shift);
        for (let b = 0, at = o + (shift > 0 ? length - shift : 0); b < batch && width > 0; b++, at += length) {
          for (let j = 0; j < width; j++) cols[at + j] = 0;
        }
      }
    }
    return tf.reshape(tf.matMul(colsOut.finish() as tf.Tensor2D, tf.reshape(dy, [n, filters])), [1, kernelSize, channels, filters]);
  }
  for (let k = 0, o = 0; k < kernelSize; k++) {
    // Output times t whose input position t·stride + k − padLeft falls inside [0, length).
    const first = Math.max(0, Math.ceil((g.padLeft - k) / stride));
    const last = Math.min(outLength - 1, Math.floor((length - 1 + g.padLeft - k) / stride));
    for (let c = 0; c < channels; c++) {
      for (let b = 0; b < batch; b++, o += outLength) {
        const row = (c * batch + b) * length - g.padLeft + k;
        for (let t = first; t <= last; t++) cols[o + t] = xs[row + t * stride]!;
      }
    }
  }
  const dw = tf.matMul(colsOut.finish() as tf.Tensor2D, tf.reshape(dy, [n, filters]));
  return tf.reshape(dw, [1, kernelSize, channels, filters]);
}

/**
 * dL/dkernel `[1, K, C, F]`: the correlation of `x` and `dy` over batch and time, as one matMul
 * of the transposed im2col of `x` with `dy` (or, for a thin input, of `dyᵀ` with the im2col).
 */
export function conv1dFilterGrad(x: tf.Tensor4D, dy: tf.Tensor4D, kernelSize: number, stride: number, g: Conv1dGeometry): tf.Tensor4D {
  return tf.tidy(() => {
    const channels = x.shape[3];
    return kernelSize * channels <= HOST_IM2COL_MAX ? filterGradThin(x, dy, kernelSize, stride, g) : filterGradColsT(x, dy, kernelSize, stride, g);
  });
}

type ViewFn = (x: tf.Tensor4D, kernel: tf.Tensor4D, bias: tf.Tensor1D | undefined) => tf.Tensor4D;
const cache = new Map<string, ViewFn>();

function build(stride: number, padding: 'same' | 'valid', inputGrad: boolean, withBias: boolean, relu: boolean, maskGradient: boolean): ViewFn {
  const f = (...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const x = args[0] as tf.Tensor4D;
    const kernel = args[1] as tf.Tensor4D;
    const bias = withBias ? (args[2] as tf.Tensor1D) : undefined;
    const save = args[withBias ? 3 : 2] as tf.GradSaveFunc;
    const g = conv1dGeometry(x.shape[2], kernel.shape[1], stride, padding);
    const y =
      withBias || relu
        ? (tf.engine().runKernel(
            'FusedConv2D',
            bias ? { x, filter: kernel, bias } : { x, filter: kernel },
            { strides: [1, stride], pad: pads(g.padLeft, g.padRight), dataFormat: 'NHWC', dilations: [1, 1], activation: relu ? 'relu' : 'linear' },
          ) as tf.Tensor4D)
        : tf.conv2d(x, kernel, [1, stride], pads(g.padLeft, g.padRight));
    save(maskGradient ? [x, kernel, y] : [x, kernel]);
    return {
      value: y,
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [sx, sk, sy] = saved as [tf.Tensor4D, tf.Tensor4D, tf.Tensor4D | undefined];
        const dz = (sy ? tf.mul(dy, tf.step(sy)) : dy) as tf.Tensor4D;
        const host = hostMemory();
        const dx = !inputGrad ? tf.zerosLike(sx) : host ? conv1dInputGrad(dz, sk, stride, g) : conv1dDeviceInputGrad(dz, sk, sx.shape, stride, g);
        const dk = host ? conv1dFilterGrad(sx, dz, sk.shape[1], stride, g) : conv1dDeviceFilterGrad(sx, dz, sk.shape, stride, g);
        if (!withBias) return [dx, dk];
        const [batch, , outLength, filters] = dz.shape;
        const n = batch * outLength;
        return [dx, dk, tf.reshape(tf.mul(channelMean(dz, n, filters), n), [filters])];
      },
    };
  };
  const op = tf.customGrad(f);
  return (x, kernel, bias) => (bias ? op(x, kernel, bias) : op(x, kernel)) as tf.Tensor4D;
}

/**
 * {@link conv1d} on views: `x` `[batch, 1, length, inChannels]`, `kernel` `[1, kernelSize,
 * inChannels, filters]`, optional `bias` `[filters]` → `[batch, 1, outLength, filters]`. The
 * layout nets use internally. Bias and ReLU run in the backends' `FusedConv2D` kernel; the bias
 * gradient is a `channelMean` of the output gradient.
 *
 * @example
 * ```ts
 * const y = conv1dView(x4, kernel4, { stride: 2, padding: 'same', relu: true }, bias);
 * ```
 */
export function conv1dView(x: tf.Tensor4D, kernel: tf.Tensor4D, options: Conv1dOptions, bias?: tf.Tensor1D): tf.Tensor4D {
  const inputGrad = options.inputGrad ?? true;
  const relu = options.relu ?? false;
  const maskGradient = relu && !(options.reluMaskedDownstream ?? false);
  const key = `${options.stride}|${options.padding}|${inputGrad}|${bias !== undefined}|${relu}|${maskGradient}`;
  let fn = cache.get(key);
  if (!fn) {
    fn = build(options.stride, options.padding, inputGrad, bias !== undefined, relu, maskGradient);
    cache.set(key, fn);
  }
  return fn(x, kernel, bias);
}

/**
 * 1-D convolution of `x` `[batch, length, inChannels]` with `kernel` `[kernelSize, inChannels,
 * filters]` (optional `bias` `[filters]`, optional ReLU), trainable on every backend (see the
 * module comment for how).
 *
 * @example
 * ```ts
 * const y = conv1d(x, kernel, { stride: 1, padding: 'same' }); // [batch, length, filters]
 * const grads = tf.grads((a, b) => tf.sum(conv1d(a as tf.Tensor3D, b as tf.Tensor3D, opts)))([x, kernel]);
 * ```
 */
export function conv1d(x: tf.Tensor3D, kernel: tf.Tensor3D, options: Conv1dOptions, bias?: tf.Tensor1D): tf.Tensor3D {
  const [b, l, c] = x.shape;
  const [k, , f] = kernel.shape;
  const y = conv1dView(tf.reshape(x, [b, 1, l, c]), tf.reshape(kernel, [1, k, c, f]), options, bias);
  return tf.reshape(y, [b, y.shape[2], f]);
}
