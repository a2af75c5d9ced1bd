/** @module Decoupled Knowledge Distillation (Zhao et al., CVPR 2022), as in the official mdistiller code. */
import * as tf from '@tensorflow/tfjs';
import { assertLabels, assertMatrix, assertPositive, assertSameShape } from './check-shapes.js';
import { klFromLogits } from './kl-from-logits.js';
import { DistillError } from '../errors.js';

/** DKD weights: `alpha` on target-class KD, `beta` on non-target-class KD, temperature T. */
export interface DkdOptions {
  readonly alpha: number;
  readonly beta: number;
  readonly temperature: number;
}

/** The shift mdistiller subtracts from the ground-truth logit to drop it from the softmax. */
const GT_SHIFT = 1000;

/**
 * Decoupled KD: the classical KD loss split into a target-class term (TCKD) and a
 * non-target-class term (NCKD), reweighted independently.
 *
 * With p = softmax(t/T), q = softmax(s/T) and g the ground-truth class of each row:
 *
 *   bᵖ = [p_g, 1 − p_g],  bᵠ = [q_g, 1 − q_g]
 *   TCKD = (T²/B) Σᵢ KL(bᵖᵢ ‖ bᵠᵢ)
 *   p̂ = softmax(t/T − 1000·1_g),  q̂ = softmax(s/T − 1000·1_g)   (the classes other than g)
 *   NCKD = (T²/B) Σᵢ KL(p̂ᵢ ‖ q̂ᵢ)
 *   DKD = α·TCKD + β·NCKD
 *
 * This is `dkd_loss` of github.com/megvii-research/mdistiller (`mdistiller/distillers/DKD.py`);
 * the epoch warm-up factor `min(epoch / warmup, 1)` of that code is applied by the training
 * objective, not here. The binary log-probabilities are computed with log-sum-exp
 * (log(1 − q_g) = lse(s/T without g) − lse(s/T)) instead of `log` of summed probabilities, which
 * is equal in exact arithmetic and cannot produce log(0).
 *
 * @param studentLogits `[batch, classes]`, classes ≥ 2.
 * @param teacherLogits `[batch, classes]`.
 * @param labels `[batch]` int32 ground-truth classes.
 *
 * @example
 * const loss = dkdLoss(s, t, labels, { alpha: 1, beta: 8, temperature: 4 });
 */
export function dkdLoss(studentLogits: tf.Tensor, teacherLogits: tf.Tensor, labels: tf.Tensor, options: DkdOptions): tf.Scalar {
  assertMatrix('studentLogits', studentLogits);
  assertMatrix('teacherLogits', teacherLogits);
  assertSameShape('studentLogits', studentLogits, 'teacherLogits', teacherLogits);
  assertLabels(labels, studentLogits);
  assertPositive('temperature', options.temperature);
  if (!Number.isFinite(options.alpha) || !Number.isFinite(options.beta)) {
    throw new DistillError('LOSS_INVALID_ARGUMENT', `alpha and beta must be finite, got ${options.alpha}, ${options.beta}`);
  }
  const [batch, classes] = studentLogits.shape;
  if (classes < 2) throw new DistillError('LOSS_INVALID_ARGUMENT', `DKD needs at least 2 classes, got ${classes}`);
  const { alpha, beta, temperature: T } = options;
  return tf.tidy(() => {
    const gt = tf.oneHot(labels, classes).toFloat();
    const shift = tf.mul(gt, GT_SHIFT);
    const s = tf.div(studentLogits, T);
    const t = tf.div(teacherLogits, T);
    const binaryLogProbs = (z: tf.Tensor2D): [tf.Tensor1D, tf.Tensor1D] => {
      const lse = tf.logSumExp(z, 1);
      const logGt = tf.sub(tf.sum(tf.mul(gt, z), 1), lse);
      const logOther = tf.sub(tf.logSumExp(tf.sub(z, shift), 1), lse);
      return [logGt as tf.Tensor1D, logOther as tf.Tensor1D];
    };
    const [sGt, sOther] = binaryLogProbs(s as tf.Tensor2D);
    const [tGt, tOther] = binaryLogProbs(t as tf.Tensor2D);
    const tckd = tf.sum(klFromLogits(tf.stack([tGt, tOther], 1) as tf.Tensor2D, tf.stack([sGt, sOther], 1) as tf.Tensor2D));
    const nckd = tf.sum(klFromLogits(tf.sub(t, shift), tf.sub(s, shift)));
    const scale = (T * T) / batch;
    return tf.mul(tf.add(tf.mul(tckd, alpha), tf.mul(nckd, beta)), scale) as tf.Scalar;
  });
}
