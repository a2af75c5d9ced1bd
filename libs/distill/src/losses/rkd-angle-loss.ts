/** @module Angle-wise relational KD (Park et al., CVPR 2019), as in the authors' `RKdAngle`. */
import * as tf from '@tensorflow/tfjs';
import { assertMatrix, assertSameBatch } from './check-shapes.js';
import { l2Normalize } from './l2-normalize.js';
import { smoothL1Loss } from './smooth-l1-loss.js';

/**
 * RKD angle loss: the cosine of the angle each triplet of windows forms at its apex must match
 * between student and teacher under the Huber penalty:
 *
 *   eᵢⱼ = (xⱼ − xᵢ) / ‖xⱼ − xᵢ‖,  aᵢⱼₖ = ⟨eᵢⱼ, eᵢₖ⟩   (all b³ triplets, eᵢᵢ = 0)
 *   L = (1/b³) Σᵢⱼₖ smoothL1(aˢᵢⱼₖ − aᵗᵢⱼₖ)
 *
 * This is `RKdAngle` of github.com/lenscloth/RKD (`metric/loss.py`), with its `F.normalize`
 * replaced by {@link l2Normalize}: same values, but two identical student rows (a zero
 * difference vector) get no gradient instead of the reference's 1e12-scaled one. Angles are
 * compared within each embedding, so the widths of `student` and `teacher` may differ. Batches
 * of one or two hold no triplet of three distinct windows: the loss is then constant (0 unless
 * two student rows coincide) with a zero gradient. The paper weights this term λ_A = 50. Cost
 * and memory grow as b³ (a `[b, b, b]` tensor: 262k entries at b = 64).
 *
 * @param student `[batch, ds]` student embeddings.
 * @param teacher `[batch, dt]` (frozen) teacher embeddings; `dt` may differ from `ds`.
 *
 * @example
 * const loss = rkdAngleLoss(studentHidden, teacherHidden);
 */
export function rkdAngleLoss(student: tf.Tensor, teacher: tf.Tensor): tf.Scalar {
  assertMatrix('student', student);
  assertMatrix('teacher', teacher);
  assertSameBatch('student', student, 'teacher', teacher);
  return tf.tidy(() => {
    const angles = (x: tf.Tensor2D): tf.Tensor3D => {
      const directions = l2Normalize(tf.sub(tf.expandDims(x, 0), tf.expandDims(x, 1)) as tf.Tensor3D, 2);
      return tf.matMul(directions, directions, false, true);
    };
    return smoothL1Loss(angles(student), angles(teacher));
  });
}
