/**
 * @module The slice of a @painkd/models `Net` the training loop needs. `Net` and
 * `createHintRegressor(...)` satisfy these structurally; the loop never builds nets itself.
 */
import type * as tf from '@tensorflow/tfjs';
import type { NetWeights } from '@painkd/models';

/** What a forward pass returns: class logits and the representation entering the classifier. */
export interface NetOutputs {
  readonly logits: tf.Tensor2D;
  readonly hidden: tf.Tensor2D;
}

/** A trainable classifier. */
export interface TrainableNet {
  readonly trainableVariables: readonly tf.Variable[];
  /** Forward pass on `[batch, length, channels]`; `training` switches dropout and batch-norm. */
  apply(x: tf.Tensor3D, training: boolean): NetOutputs;
  /** A copy of every weight (trainable and batch-norm statistics), read asynchronously (every backend). */
  readWeights(): Promise<NetWeights>;
  setWeights(weights: NetWeights): void;
}

/** The FitNets hint regressor: maps student hidden features to the teacher's size. */
export interface HintRegressorLike {
  readonly trainableVariables: readonly tf.Variable[];
  apply(studentHidden: tf.Tensor2D): tf.Tensor2D;
}
