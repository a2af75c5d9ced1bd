/** @module Mean squared error between hint features (FitNets, Romero et al. 2015). */
import * as tf from '@tensorflow/tfjs';
import { assertMatrix, assertSameShape } from './check-shapes.js';

/**
 * Mean squared error over every element, PyTorch `nn.MSELoss()` (mean reduction):
 *
 *   MSE = (1 / (B·D)) Σᵢ Σ_d (aᵢd − bᵢd)²
 *
 * In FitNets `a` is the hint regressor's output on the student's hidden features and `b` the
 * teacher's hidden features; the shapes must match exactly (the regressor's job).
 *
 * @param a `[batch, features]`.
 * @param b `[batch, features]`.
 *
 * @example
 * const loss = hintMseLoss(regressor.apply(studentHidden), teacherHidden);
 */
export function hintMseLoss(a: tf.Tensor, b: tf.Tensor): tf.Scalar {
  assertMatrix('a', a);
  assertMatrix('b', b);
  assertSameShape('a', a, 'b', b);
  return tf.tidy(() => tf.mean(tf.squaredDifference(a, b)) as tf.Scalar);
}
