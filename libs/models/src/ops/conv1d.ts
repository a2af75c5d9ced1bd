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
 * - filter gradient: the correlation of `x` with `dy` over batch and time, as one convolution
 *   whose "batch" is the input channel, whose "channels" are the batch and whose kernel is `dy`
 *   (time-major) dilated by the stride: `conv(xᵀ[C, 1, L, B], dyᵀ[1, Lout, B, F])` → `[C, K, F]`
 *   → `[K, C, F]`. XNNPACK re-packs a convolution's (fresh) kernel on every call at ≈ 3–8 ns per
 *   float, so two variants pack less: at stride 1 with `x` smaller than `dy` the roles swap
 *   (`dy` is the input, `x` the kernel); for a thin input (`K · C ≤ 16`, the 1-channel first
 *   layer) `dWᵀ = dyᵀ · im2col(x)` with im2col built on the host.
 *
 * Tensors travel as `[batch, 1, length, channels]` views so that no reshape runs between
 * consecutive layers. Measured on tfjs-wasm (2-core EPYC, one thread, B = 64): forward and input
 * gradient run at XNNPACK's ≈ 27 GFLOP/s, the filter gradient at ≈ 17–20 GFLOP/s; the
 * alternatives tried were far slower — tfjs's input gradient ≈ 60 ms where this one takes 2–4,
 * an im2col built with `gather` ≈ 32 ms before its matMul, `slice` + `concat` ≈ 12.7 ms, and
 * any `matMul` with a transposed operand leaves XNNPACK for a generic loop (≈ 10× slower).
 */
import * as tf from '@tensorflow/tfjs';
import { channelMean } from './channel-mean.js';
import { conv1dGeometry, type Conv1dGeometry } from './conv1d-geometry.js';
import { hostOutput, hostView } from './host-view.js';

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
 * Filter gradient at stride 1 when the input is smaller than `dy`: the same correlation with the
 * roles swapped — `dyᵀ[F, 1, Lout, B]` is the input, `x` (time-major, `[1, L, B, C]`) the
 * kernel, so the smaller tensor is the one XNNPACK packs. The result comes out `[F, K, C]` with
 * k reversed and is reordered on the host.
 */
function filterGradSwapped(x: tf.Tensor4D, dy: tf.Tensor4D, kernelSize: number, g: Conv1dGeometry): tf.Tensor4D {
  const [, , length, channels] = x.shape;
  const [, , outLength, filters] = dy.shape;
  const out = tf.conv2d(tf.transpose(dy, [3, 1, 2, 0]), tf.transpose(x, [1, 2, 0, 3]), 1, pads(kernelSize - 1 - g.padLeft, length + g.padLeft - outLength));
  const result = hostOutput([1, kernelSize, channels, filters]);
  const dw = result.values;
  const src = hostView(out);
  // src is [F, K, C] with k reversed; write dw [K, C, F] sequentially (strided reads are cheaper).
  for (let k = 0, o = 0; k < kernelSize; k++) {
    for (let c = 0; c < channels; c++) {
      for (let f = 0, at = (kernelSize - 1 - k) * channels + c; f < filters; f++, at += kernelSize * channels) dw[o++] = src[at]!;
    }
  }
  return result.finish() as tf.Tensor4D;
}

/**
 * dL/dkernel `[1, K, C, F]`: the correlation of `x` and `dy`, as one forward convolution
 * (`conv(xᵀ[C, 1, L, B], dyᵀ[1, Lout, B, F])`, dilated by the stride), or one of the two
 * variants above when they pack less.
 */
export function conv1dFilterGrad(x: tf.Tensor4D, dy: tf.Tensor4D, kernelSize: number, stride: number, g: Conv1dGeometry): tf.Tensor4D {
  return tf.tidy(() => {
    const [, , length, channels] = x.shape;
    const [, , outLength, filters] = dy.shape;
    if (kernelSize * channels <= HOST_IM2COL_MAX) return filterGradThin(x, dy, kernelSize, stride, g);
    if (stride === 1 && length * channels < outLength * filters) return filterGradSwapped(x, dy, kernelSize, g);
    const xt = tf.transpose(x, [3, 1, 2, 0]);
    const dyt = tf.transpose(dy, [1, 2, 0, 3]);
    const full = tf.conv2d(xt, dyt, 1, pads(g.padLeft, g.padRight), 'NHWC', [1, stride]);
    const cut = full.shape[2] === kernelSize ? full : tf.slice(full, [0, 0, 0, 0], [channels, 1, kernelSize, filters]);
    return tf.transpose(cut, [1, 2, 0, 3]);
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
        const dx = inputGrad ? conv1dInputGrad(dz, sk, stride, g) : tf.zerosLike(sx);
        const dk = conv1dFilterGrad(sx, dz, sk.shape[1], stride, g);
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
