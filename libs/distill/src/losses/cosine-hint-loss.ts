/** @module Cosine hint loss between student and teacher hidden features (the seed's cosine run). */
import * as tf from '@tensorflow/tfjs';
import { adaptiveAvgPool } from './adaptive-avg-pool.js';
import { assertMatrix, assertSameBatch } from './check-shapes.js';

/** PyTorch's `EPSILON` inside `cosine_embedding_loss`, added to each squared norm. */
const EPSILON = 1e-12;

/**
 * Mean of (1 − cosine similarity) over the batch, PyTorch
 * `nn.CosineEmbeddingLoss()(a, b, target=ones)`:
 *
 *   cosᵢ = ⟨aᵢ, bᵢ⟩ / √((‖aᵢ‖² + ε)(‖bᵢ‖² + ε)),  ε = 1e−12
 *   L = (1/B) Σᵢ (1 − cosᵢ)
 *
 * **Different sizes.** When the feature counts differ, the longer vector is average-pooled down
 * to the shorter one's size with adaptive bins (see {@link adaptivePoolMatrix}). With the usual
 * argument order (student, teacher) and a wider teacher this is exactly what the seed does:
 * `avg_pool1d` over the teacher's flattened features. No trainable projection is involved here;
 * pooling unit indices only makes sense between nets on the same input, so for a teacher on
 * another modality the objective first maps the student through the hint regressor
 * (`cosine: { align: 'project' }`) and the sizes then match.
 *
 * @param a `[batch, da]`, usually the student's hidden features.
 * @param b `[batch, db]`, usually the (frozen) teacher's hidden features.
 *
 * @example
 * const loss = cosineHintLoss(studentHidden, teacherHidden);
 */
export function cosineHintLoss(a: tf.Tensor, b: tf.Tensor): tf.Scalar {
  assertMatrix('a', a);
  assertMatrix('b', b);
  assertSameBatch('a', a, 'b', b);
  return tf.tidy(() => {
    const size = Math.min(a.shape[1], b.shape[1]);
    const x = adaptiveAvgPool(a, size);
    const y = adaptiveAvgPool(b, size);
    const dot = tf.sum(tf.mul(x, y), 1);
    const nx = tf.add(tf.sum(tf.square(x), 1), EPSILON);
    const ny = tf.add(tf.sum(tf.square(y), 1), EPSILON);
    const cos = tf.div(dot, tf.sqrt(tf.mul(nx, ny)));
    return tf.mean(tf.sub(1, cos)) as tf.Scalar;
  });
}
