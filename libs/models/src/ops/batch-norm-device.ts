/**
 * @module Training-mode batch normalisation on GPU backends: the same closed-form forward and
 * backward passes as batch-norm.ts, but every step a WGSL program on the device
 * (wgsl/batch-norm-programs.ts) — no per-channel arithmetic on the host, no synchronous read.
 * The ReLU mask of the backward pass is recomputed from x̂ rather than saved.
 */
import * as tf from '@tensorflow/tfjs';
import type { BatchNormTrainOptions } from './batch-norm.js';
import { channelStatsProgram, gradSumsProgram, inputGradProgram, movingUpdateProgram, normalizeProgram } from './wgsl/batch-norm-programs.js';
import { runProgram, type ProgramUniform } from './wgsl/run-program.js';

function updateMoving(moving: tf.Variable, stats: tf.Tensor, row: 0 | 1, momentum: number): void {
  const channels = moving.shape[0]!;
  const next = runProgram(movingUpdateProgram(channels), [moving, stats], [
    ['int32', channels],
    ['int32', row],
    ['float32', momentum],
    ['float32', 1 - momentum],
  ]);
  moving.assign(next);
  next.dispose();
}

/**
 * {@link batchNormTrain} for a GPU backend; same arguments, same results to float round-off.
 *
 * @example
 * ```ts
 * const y = batchNormTrainDevice(x, gamma, beta, { epsilon: 1e-3, momentum: 0.9, movingMean, movingVariance, relu: true });
 * ```
 */
export function batchNormTrainDevice<T extends tf.Tensor>(x: T, gamma: tf.Tensor1D, beta: tf.Tensor1D, options: BatchNormTrainOptions): T {
  const relu = options.relu ?? false;
  const maskRelu = relu && !(options.reluMaskedDownstream ?? false);
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const input = args[0] as tf.Tensor;
    const g = args[1] as tf.Tensor1D;
    const b = args[2] as tf.Tensor1D;
    const save = args[3] as tf.GradSaveFunc;
    const channels = input.shape[input.rank - 1]!;
    const rows = input.size / channels;
    const stats = runProgram(channelStatsProgram(channels), [input], [
      ['int32', rows],
      ['int32', channels],
    ]);
    updateMoving(options.movingMean, stats, 0, options.momentum);
    updateMoving(options.movingVariance, stats, 1, options.momentum);
    const y = runProgram(normalizeProgram(input.size, relu), [input, stats, g, b], [
      ['int32', channels],
      ['float32', options.epsilon],
    ]);
    save([input, stats, g, b]);
    return {
      value: tf.reshape(y, input.shape),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [sx, sStats, sGamma, sBeta] = saved as [tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor];
        const dims: ProgramUniform[] = [
          ['int32', rows],
          ['int32', channels],
          ['float32', options.epsilon],
        ];
        const sums = runProgram(gradSumsProgram(channels, maskRelu), [dy, sx, sStats, sGamma, sBeta], dims);
        const dx = runProgram(inputGradProgram(sx.size, maskRelu), [dy, sx, sStats, sGamma, sBeta, sums], dims);
        const dBeta = tf.reshape(tf.slice(sums, [0, 0], [1, channels]), [channels]);
        const dGamma = tf.reshape(tf.slice(sums, [1, 0], [1, channels]), [channels]);
        return [tf.reshape(dx, dy.shape), dGamma, dBeta];
      },
    };
  });
  return op(x, gamma, beta) as T;
}
