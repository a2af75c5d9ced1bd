/**
 * @module Training-mode batch normalisation with a closed-form gradient, cheap on every backend.
 *
 * `tf.batchNorm`'s gradient broadcasts with `Tile` (≈ 11 ms per layer on wasm for a
 * [64, 88, 32] input) and `tf.moments` reduces over leading axes through a transpose. Here every
 * per-channel mean over the N = batch × length rows is one average pooling of the
 * `[1, 1, N, C]` view with an N-wide window (XNNPACK on wasm: ≈ 0.05 ms for N·C = 180k, where a
 * `[1, N] · [N, C]` matMul costs ≈ 0.6 ms because XNNPACK re-packs its fresh right operand, and
 * `tf.sum(x, 0)` ≈ 0.4 ms). The normalisation is `(x − μ) · (γ/σ) + β`, two broadcast kernels
 * (wasm's `FusedBatchNorm` measured slower); the moving statistics are updated on the host (two
 * C-long arrays, instead of a dozen tiny kernels). The backward pass is the classic
 * `dx = γ/σ · (dy − mean(dy) − (x − μ) · mean(dy · (x − μ)) / σ²)`, `dγ = N · mean(dy · x̂)`,
 * `dβ = N · mean(dy)`.
 */
import * as tf from '@tensorflow/tfjs';

/** Per-channel mean over every row of `x` viewed as `[n, channels]`: `[1, channels]`. */
export function channelMean(x: tf.Tensor, n: number, channels: number): tf.Tensor2D {
  const view = tf.reshape(x, [1, 1, n, channels]);
  const pooled = tf.engine().runKernel('AvgPool', { x: view }, { filterSize: [1, n], strides: [1, 1], pad: 'valid' }) as tf.Tensor;
  return tf.reshape(pooled, [1, channels]);
}

/** Options of {@link batchNormTrain}. */
export interface BatchNormTrainOptions {
  readonly epsilon: number;
  /** Keras convention: moving = momentum · moving + (1 − momentum) · batch statistic. */
  readonly momentum: number;
  /** Updated in place with the batch mean. */
  readonly movingMean: tf.Variable;
  /** Updated in place with the (biased) batch variance. */
  readonly movingVariance: tf.Variable;
}

function updateMoving(moving: tf.Variable, batch: tf.Tensor, momentum: number): void {
  const next = (moving.dataSync() as Float32Array).slice();
  const stat = batch.dataSync();
  for (let i = 0; i < next.length; i++) next[i] = momentum * next[i]! + (1 - momentum) * stat[i]!;
  const t = tf.tensor1d(next);
  moving.assign(t);
  t.dispose();
}

/**
 * Normalises `x` (any rank, channels last) with its batch statistics over every axis but the
 * last, scales by `gamma`, shifts by `beta`, and updates the moving statistics.
 *
 * @example
 * ```ts
 * const y = batchNormTrain(x, gamma, beta, { epsilon: 1e-3, momentum: 0.99, movingMean, movingVariance });
 * ```
 */
export function batchNormTrain<T extends tf.Tensor>(x: T, gamma: tf.Tensor1D, beta: tf.Tensor1D, options: BatchNormTrainOptions): T {
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const input = args[0] as tf.Tensor;
    const g = args[1] as tf.Tensor1D;
    const b = args[2] as tf.Tensor1D;
    const save = args[3] as tf.GradSaveFunc;
    const channels = input.shape[input.rank - 1]!;
    const n = input.size / channels;
    const x2 = tf.reshape(input, [n, channels]);
    const mean = channelMean(x2, n, channels);
    const centred = tf.sub(x2, mean);
    const variance = channelMean(tf.square(centred), n, channels);
    updateMoving(options.movingMean, mean, options.momentum);
    updateMoving(options.movingVariance, variance, options.momentum);
    const invStd = tf.rsqrt(tf.add(variance, options.epsilon));
    const y = tf.add(tf.mul(centred, tf.mul(invStd, g)), b);
    save([centred, invStd, g]);
    return {
      value: tf.reshape(y, input.shape),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [sCentred, sInvStd, sGamma] = saved as [tf.Tensor2D, tf.Tensor2D, tf.Tensor1D];
        const dy2 = tf.reshape(dy, [n, channels]);
        const meanDy = channelMean(dy2, n, channels);
        const meanDyCentred = channelMean(tf.mul(dy2, sCentred), n, channels);
        const scale = tf.mul(sInvStd, sGamma);
        const k = tf.mul(scale, tf.mul(tf.square(sInvStd), meanDyCentred));
        const dx = tf.sub(tf.sub(tf.mul(dy2, scale), tf.mul(sCentred, k)), tf.mul(scale, meanDy));
        const dGamma = tf.mul(tf.mul(meanDyCentred, sInvStd), n);
        return [tf.reshape(dx, dy.shape), tf.reshape(dGamma, [channels]), tf.reshape(tf.mul(meanDy, n), [channels])];
      },
    };
  });
  return op(x, gamma, beta) as T;
}
