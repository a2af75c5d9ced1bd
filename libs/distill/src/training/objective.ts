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
import { rkdAngleLoss } from '../losses/rkd-angle-loss.js';
import { rkdDistanceLoss } from '../losses/rkd-distance-loss.js';
import { similarityPreservingLoss } from '../losses/similarity-preserving-loss.js';

/** The frozen teacher's outputs on the same mini-batch (gathered from the per-fold cache). */
export interface TeacherBatch {
  readonly logits: tf.Tensor2D;
  readonly hidden: tf.Tensor2D;
}

/**
 * Evaluates `loss` on one batch. `epoch` is 1-based (for the DKD warm-up); `regressor` is
 * required when {@link needsRegressor} says so (FitNets, or `cosine.align: 'project'`; both
 * use its one output), `teacher` whenever a distillation term is set. RKD terms with weight 0
 * are skipped.
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
    const add = (term: tf.Scalar, weight: number): void => {
      total = tf.add(total, tf.mul(term, weight));
    };
    const teacher = (): TeacherBatch => {
      if (context.teacher === undefined) throw new DistillError('TRAIN_INVALID_ARGUMENT', 'a distillation loss term needs the teacher outputs');
      return context.teacher;
    };
    let projected: tf.Tensor2D | undefined;
    const project = (): tf.Tensor2D => {
      if (context.regressor === undefined) {
        throw new DistillError('TRAIN_INVALID_ARGUMENT', "the FitNets term and the cosine hint with align 'project' need a hint regressor");
      }
      projected ??= context.regressor.apply(student.hidden);
      return projected;
    };
    if (loss.kd) add(kdLoss(student.logits, teacher().logits, loss.kd.temperature), loss.kd.weight);
    if (loss.cosine) {
      const hidden = loss.cosine.align === 'project' ? project() : student.hidden;
      add(cosineHintLoss(hidden, teacher().hidden), loss.cosine.weight);
    }
    if (loss.fitnets) add(hintMseLoss(project(), teacher().hidden), loss.fitnets.weight);
    if (loss.dkd) {
      const { weight, alpha, beta, temperature, warmupEpochs } = loss.dkd;
      const ramp = warmupEpochs > 0 ? Math.min(epoch / warmupEpochs, 1) : 1;
      add(dkdLoss(student.logits, teacher().logits, labels, { alpha, beta, temperature }), weight * ramp);
    }
    if (loss.rkd) {
      const { distanceWeight, angleWeight } = loss.rkd;
      if (distanceWeight !== 0) add(rkdDistanceLoss(student.hidden, teacher().hidden), distanceWeight);
      if (angleWeight !== 0) add(rkdAngleLoss(student.hidden, teacher().hidden), angleWeight);
    }
    if (loss.sp) add(similarityPreservingLoss(student.hidden, teacher().hidden), loss.sp.weight);
    return total;
  });
}
