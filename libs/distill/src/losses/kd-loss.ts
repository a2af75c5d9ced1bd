/** @module Hinton's soft-target distillation loss, as in the seed notebook. */
import * as tf from '@tensorflow/tfjs';
import { assertMatrix, assertPositive, assertSameShape } from './check-shapes.js';
import { klFromLogits } from './kl-from-logits.js';

/**
 * Soft-target knowledge-distillation loss (Hinton et al., 2015), batch-mean and scaled by T²:
 *
 *   p = softmax(t / T),  q = softmax(s / T)
 *   KD = (T² / B) Σᵢ Σ_c pᵢc (log pᵢc − log qᵢc) = T² · KL(p ‖ q) averaged over the batch
 *
 * Identical to the seed's `torch.sum(p * (p.log() - log_softmax(s/T))) / B * T**2` and to
 * `F.kl_div(log_softmax(s/T), log_softmax(t/T), log_target=True, reduction='batchmean') * T**2`.
 * The KL is evaluated by {@link klFromLogits} (no subtraction of nearly equal logs, so it stays
 * accurate in float32 at high T), and a teacher probability that underflows to 0 contributes 0
 * instead of the seed's NaN. Gradients flow to the student logits only when the teacher
 * logits are constants (they are: the teacher is frozen and its logits cached).
 *
 * @param studentLogits `[batch, classes]`.
 * @param teacherLogits `[batch, classes]`.
 * @param temperature T > 0.
 *
 * @example
 * const loss = kdLoss(studentLogits, teacherLogits, 4);
 */
export function kdLoss(studentLogits: tf.Tensor, teacherLogits: tf.Tensor, temperature: number): tf.Scalar {
  assertMatrix('studentLogits', studentLogits);
  assertMatrix('teacherLogits', teacherLogits);
  assertSameShape('studentLogits', studentLogits, 'teacherLogits', teacherLogits);
  assertPositive('temperature', temperature);
  return tf.tidy(() => {
    const batch = studentLogits.shape[0];
    const kl = tf.sum(klFromLogits(tf.div(teacherLogits, temperature), tf.div(studentLogits, temperature)));
    return tf.mul(kl, (temperature * temperature) / batch) as tf.Scalar;
  });
}
