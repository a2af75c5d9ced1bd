/** @module The per-batch training objective: a {@link LossSpec} evaluated on one mini-batch. */
import * as tf from '@tensorflow/tfjs';
import type { LossSpec } from './loss-spec.js';
import type { HintRegressorLike, NetOutputs } from './trainable-net.js';
import { DistillError } from '../errors.js';
import { cosineHintLoss } from '../losses/cosine-hint-loss.js';
import { crossEntropyLoss } from '../losses/cross-entropy-loss.js';
import { dkdLoss } from '../losses/dkd-loss.js';
import { hintMseLoss } from '../losses/hint-mse-loss.js';
import { kdLoss } from '../losses/kd-loss.js';

/** The frozen teacher's outputs on the same mini-batch (gathered from the per-fold cache). */
export interface TeacherBatch {
  readonly logits: tf.Tensor2D;
  readonly hidden: tf.Tensor2D;
}

/**
 * Evaluates `loss` on one batch. `epoch` is 1-based (for the DKD warm-up); `regressor` is
 * required when `loss.fitnets` is set, `teacher` whenever a distillation term is.
 *
 * @example
 * const value = objectiveLoss(spec, net.apply(xb, true), yb, 3, { teacher, regressor });
 */
export function objectiveLoss(
  loss: LossSpec,
  student: NetOutputs,
  labels: tf.Tensor1D,
  epoch: number,
  context: { readonly teacher?: TeacherBatch; readonly regressor?: HintRegressorLike } = {},
): tf.Scalar {
  return tf.tidy(() => {
    let total: tf.Scalar = tf.mul(crossEntropyLoss(student.logits, labels), loss.ce);
    const teacher = (): TeacherBatch => {
      if (context.teacher === undefined) throw new DistillError('TRAIN_INVALID_ARGUMENT', 'a distillation loss term needs the teacher outputs');
      return context.teacher;
    };
    if (loss.kd) total = tf.add(total, tf.mul(kdLoss(student.logits, teacher().logits, loss.kd.temperature), loss.kd.weight));
    if (loss.cosine) total = tf.add(total, tf.mul(cosineHintLoss(student.hidden, teacher().hidden), loss.cosine.weight));
    if (loss.fitnets) {
      if (context.regressor === undefined) throw new DistillError('TRAIN_INVALID_ARGUMENT', 'the FitNets term needs a hint regressor');
      total = tf.add(total, tf.mul(hintMseLoss(context.regressor.apply(student.hidden), teacher().hidden), loss.fitnets.weight));
    }
    if (loss.dkd) {
      const { weight, alpha, beta, temperature, warmupEpochs } = loss.dkd;
      const ramp = warmupEpochs > 0 ? Math.min(epoch / warmupEpochs, 1) : 1;
      total = tf.add(total, tf.mul(dkdLoss(student.logits, teacher().logits, labels, { alpha, beta, temperature }), weight * ramp));
    }
    return total;
  });
}
