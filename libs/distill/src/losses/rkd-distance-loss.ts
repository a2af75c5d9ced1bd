/** @module Distance-wise relational KD (Park et al., CVPR 2019), as in the authors' `RkdDistance`. */
import * as tf from '@tensorflow/tfjs';
import { assertMatrix, assertSameBatch } from './check-shapes.js';
import { smoothL1Loss } from './smooth-l1-loss.js';

/** The authors' `pdist` clamp: squared distances below this count as this (distance 1e−6). */
const EPSILON = 1e-12;

/**
 * RKD distance loss: the student's pairwise distances, each matrix divided by its mean over the
 * b(b − 1) off-diagonal pairs, must match the teacher's under the Huber penalty:
 *
 *   dᵢⱼ = √max(‖xᵢ − xⱼ‖², ε) for i ≠ j, dᵢᵢ = 0,  ε = 1e−12,  μ = Σ dᵢⱼ / (b(b − 1))
 *   L = (1/b²) Σᵢⱼ smoothL1(dˢᵢⱼ/μˢ − dᵗᵢⱼ/μᵗ)
 *
 * This is `RkdDistance` of github.com/lenscloth/RKD (`metric/loss.py`), whose `d[d > 0].mean()`
 * is the off-diagonal mean (the clamp keeps every off-diagonal distance ≥ 1e−6). Only distances
 * within each embedding are compared, so `student` and `teacher` may have any widths: it suits
 * a teacher from another modality with no map between the two spaces. Distances are computed
 * from differences (not ‖a‖² + ‖b‖² − 2⟨a, b⟩, which cancels badly in float32), so identical
 * rows give exactly the clamped 1e−6 and no gradient, as in the reference. A batch of two has
 * one pair, normalised to 1 on both sides: 0. A batch of one has no pair: the loss is 0 with a
 * zero gradient (the reference returns NaN there; an epoch ends with such a batch whenever
 * n mod batchSize = 1). The paper weights this term λ_D = 25.
 *
 * @param student `[batch, ds]` student embeddings.
 * @param teacher `[batch, dt]` (frozen) teacher embeddings; `dt` may differ from `ds`.
 *
 * @example
 * const loss = rkdDistanceLoss(studentHidden, teacherHidden); // [64, 32] vs [64, 128]
 */
export function rkdDistanceLoss(student: tf.Tensor, teacher: tf.Tensor): tf.Scalar {
  assertMatrix('student', student);
  assertMatrix('teacher', teacher);
  assertSameBatch('student', student, 'teacher', teacher);
  const batch = student.shape[0];
  return tf.tidy(() => {
    if (batch < 2) return tf.mul(tf.sum(student), 0) as tf.Scalar;
    const offDiagonal = tf.sub(1, tf.eye(batch));
    const normalised = (x: tf.Tensor2D): tf.Tensor => {
      const squared = tf.sum(tf.square(tf.sub(tf.expandDims(x, 0), tf.expandDims(x, 1))), 2);
      const distances = tf.mul(tf.sqrt(tf.maximum(squared, EPSILON)), offDiagonal);
      return tf.div(distances, tf.div(tf.sum(distances), batch * (batch - 1)));
    };
    return smoothL1Loss(normalised(student), normalised(teacher));
  });
}
