/** @module Cross-entropy of logits against integer class labels (PyTorch `nn.CrossEntropyLoss`). */
import * as tf from '@tensorflow/tfjs';
import { assertLabels, assertMatrix } from './check-shapes.js';

/**
 * Mean softmax cross-entropy over the batch:
 *
 *   CE = −(1/B) Σᵢ log softmax(zᵢ)[yᵢ]
 *
 * computed through `logSoftmax`, so it is stable for large logits. Equal to PyTorch
 * `nn.CrossEntropyLoss()(logits, labels)` (mean reduction).
 *
 * @param logits `[batch, classes]` float32.
 * @param labels `[batch]` int32 class indices in `[0, classes)`.
 * @returns a scalar tensor.
 *
 * @example
 * const loss = crossEntropyLoss(tf.tensor2d([[2, 0, 0]]), tf.tensor1d([0], 'int32'));
 */
export function crossEntropyLoss(logits: tf.Tensor, labels: tf.Tensor): tf.Scalar {
  assertMatrix('logits', logits);
  assertLabels(labels, logits);
  return tf.tidy(() => {
    const classes = logits.shape[1];
    const oneHot = tf.oneHot(labels, classes).toFloat();
    const logProb = tf.logSoftmax(logits);
    return tf.neg(tf.mean(tf.sum(tf.mul(oneHot, logProb), 1))) as tf.Scalar;
  });
}
