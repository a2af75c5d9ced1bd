/**
 * @module Training-mode batch normalisation (optionally fused with the ReLU after it) with a
 * closed-form gradient, cheap on every backend.
 *
 * `tf.batchNorm`'s gradient broadcasts with `Tile` (≈ 11 ms per layer on wasm for a
 * [64, 88, 32] input) and `tf.moments` reduces over leading axes through a transpose. Here the
 * input is one `[1, 1, N, C]` view (N = batch × length); every per-channel mean is a
 * `channelMean` (one average pooling) and every per-channel affine map a `channelAffine` (one
 * 1 × 1 depthwise convolution; the broadcasting binary ops it replaces are ≈ 6× slower on wasm).
 * All per-channel arithmetic (1/σ, γ/σ, moving statistics, dγ, dβ) runs on the host on C-long
 * arrays. Forward: `x − μ`, its square, `relu?((x − μ) · γ/σ + β)`; backward: `dy · (x − μ)`
 * and `dx = (dy · γ/σ − c) − (x − μ) · k` with `k = γ/σ³ · mean(dy · (x − μ))`,
 * `c = γ/σ · mean(dy)`; `dγ = N · mean(dy · (x − μ)) / σ`, `dβ = N · mean(dy)`. With `relu`,
 * `dy` is first masked by the output's sign unless the consumer already did. On GPU backends the
 * same passes run as WGSL programs on the device (batch-norm-device.ts).
 */
import * as tf from '@tensorflow/tfjs';
import { batchNormTrainDevice } from './batch-norm-device.js';
import { channelAffine } from './channel-affine.js';
import { channelMeanHost } from './channel-mean.js';
import { hostMemory, hostView } from './host-view.js';

/** Options of {@link batchNormTrain}. */
export interface BatchNormTrainOptions {
  readonly epsilon: number;
  /** Keras convention: moving = momentum · moving + (1 − momentum) · batch statistic. */
  readonly momentum: number;
  /** Updated in place with the batch mean. */
  readonly movingMean: tf.Variable;
  /** Updated in place with the (biased) batch variance. */
  readonly movingVariance: tf.Variable;
  /** Apply a ReLU to the output (default false). */
  readonly relu?: boolean;
  /**
   * With `relu`: the incoming gradient is already zero wherever the output is zero (a
   * `maxPool1dView` with `afterRelu` consumes it), so the gradient skips the ReLU mask.
   */
  readonly reluMaskedDownstream?: boolean;
}

function updateMoving(moving: tf.Variable, stat: Float32Array, momentum: number): void {
  const next = (moving.dataSync() as Float32Array).slice();
  for (let i = 0; i < next.length; i++) next[i] = momentum * next[i]! + (1 - momentum) * stat[i]!;
  const t = tf.tensor1d(next);
  moving.assign(t);
  t.dispose();
}

/**
 * Normalises `x` (any rank, channels last) with its batch statistics over every axis but the
 * last, scales by `gamma`, shifts by `beta`, optionally applies a ReLU, and updates the moving
 * statistics.
 *
 * @example
 * ```ts
 * const y = batchNormTrain(x, gamma, beta, { epsilon: 1e-3, momentum: 0.99, movingMean, movingVariance, relu: true });
 * ```
 */
export function batchNormTrain<T extends tf.Tensor>(x: T, gamma: tf.Tensor1D, beta: tf.Tensor1D, options: BatchNormTrainOptions): T {
  if (!hostMemory()) return batchNormTrainDevice(x, gamma, beta, options);
  const relu = options.relu ?? false;
  const maskGradient = relu && !(options.reluMaskedDownstream ?? false);
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const input = args[0] as tf.Tensor;
    const g = args[1] as tf.Tensor1D;
    const b = args[2] as tf.Tensor1D;
    const save = args[3] as tf.GradSaveFunc;
    const channels = input.shape[input.rank - 1]!;
    const n = input.size / channels;
    // One [1, 1, N, C] view throughout; per-channel affine maps are 1 × 1 depthwise convolutions.
    const view = tf.reshape(input, [1, 1, n, channels]) as tf.Tensor4D;
    const mean = channelMeanHost(view);
    const centred = channelAffine(view, new Float32Array(channels).fill(1), mean.map((m) => -m), false);
    const variance = channelMeanHost(tf.square(centred));
    const gammaHost = hostView(g).slice();
    const betaHost = hostView(b).slice();
    const invStd = variance.map((v) => 1 / Math.sqrt(v + options.epsilon));
    const scale = invStd.map((s, c) => s * gammaHost[c]!);
    updateMoving(options.movingMean, mean, options.momentum);
    updateMoving(options.movingVariance, variance, options.momentum);
    const y = channelAffine(centred, scale, betaHost, relu);
    save(maskGradient ? [centred, y] : [centred]);
    return {
      value: tf.reshape(y, input.shape),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [sCentred, sY] = saved as [tf.Tensor4D, tf.Tensor4D | undefined];
        let dyView = tf.reshape(dy, [1, 1, n, channels]) as tf.Tensor4D;
        if (sY) dyView = tf.mul(dyView, tf.step(sY));
        const meanDy = channelMeanHost(dyView);
        const meanDyCentred = channelMeanHost(tf.mul(dyView, sCentred));
        const k = scale.map((s, c) => s * invStd[c]! * invStd[c]! * meanDyCentred[c]!);
        const shift = scale.map((s, c) => -s * meanDy[c]!);
        const dx = tf.sub(channelAffine(dyView, scale, shift, false), channelAffine(sCentred, k, new Float32Array(channels), false));
        const dGamma = meanDyCentred.map((m, c) => n * m * invStd[c]!);
        const dBeta = meanDy.map((m) => n * m);
        return [tf.reshape(dx, dy.shape), tf.tensor1d(dGamma), tf.tensor1d(dBeta)];
      },
    };
  });
  return op(x, gamma, beta) as T;
}
