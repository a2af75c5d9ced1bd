/** @module Adaptive 1-D average pooling of feature vectors, PyTorch `F.adaptive_avg_pool1d`. */
import * as tf from '@tensorflow/tfjs';
import { DistillError } from '../errors.js';

/**
 * The `[inSize, outSize]` matrix that average-pools a vector of `inSize` features to `outSize`
 * with PyTorch's adaptive bins: output j averages inputs `⌊j·in/out⌋ … ⌈(j+1)·in/out⌉ − 1`.
 * When `inSize` is a multiple k of `outSize` this is `avg_pool1d(kernel = stride = k)`, the
 * seed's pooling of the teacher vector.
 *
 * @example
 * adaptivePoolMatrix(4, 2); // [[.5,0],[.5,0],[0,.5],[0,.5]]
 */
export function adaptivePoolMatrix(inSize: number, outSize: number): Float32Array {
  if (!Number.isInteger(inSize) || !Number.isInteger(outSize) || outSize < 1 || inSize < outSize) {
    throw new DistillError('LOSS_INVALID_ARGUMENT', `cannot pool ${inSize} features down to ${outSize}`);
  }
  const m = new Float32Array(inSize * outSize);
  for (let j = 0; j < outSize; j++) {
    const start = Math.floor((j * inSize) / outSize);
    const end = Math.ceil(((j + 1) * inSize) / outSize);
    const w = 1 / (end - start);
    for (let i = start; i < end; i++) m[i * outSize + j] = w;
  }
  return m;
}

/**
 * Average-pools each row of `x` (`[batch, inSize]`) to `outSize` features; returns `x` itself
 * when the sizes already match.
 *
 * @example
 * const pooled = adaptiveAvgPool(teacherHidden, studentHidden.shape[1]);
 */
export function adaptiveAvgPool(x: tf.Tensor2D, outSize: number): tf.Tensor2D {
  const inSize = x.shape[1];
  if (inSize === outSize) return x;
  return tf.tidy(() => tf.matMul(x, tf.tensor2d(adaptivePoolMatrix(inSize, outSize), [inSize, outSize])));
}
