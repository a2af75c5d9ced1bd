/** @module Similarity-preserving KD (Tung & Mori, ICCV 2019): match the batch's normalised Gram matrices. */
import * as tf from '@tensorflow/tfjs';
import { assertMatrix, assertSameBatch } from './check-shapes.js';
import { l2Normalize } from './l2-normalize.js';

/**
 * Similarity-preserving loss: each embedding's `[batch, batch]` Gram matrix, rows L2-normalised,
 * must match between student and teacher:
 *
 *   G = row-normalise(F Fᵀ),  L = ‖Gˢ − Gᵗ‖²_F / b²
 *
 * As `Similarity.similarity_loss` of RepDistiller (`distiller_zoo/SP.py`), with `F.normalize`
 * replaced by {@link l2Normalize}: same values, but an all-zero student embedding (a zero row
 * of Gˢ, e.g. every ReLU unit off) gets no 1e12-scaled gradient through its own row. The Gram
 * matrix is `[b, b]` whatever the width, so `student` and `teacher` may have different widths
 * (another modality needs no map between them). A batch of one carries no relation: both Gram
 * matrices normalise to [1] and the loss is 0 (unless the student row is all zero).
 *
 * @param student `[batch, ds]` student embeddings.
 * @param teacher `[batch, dt]` (frozen) teacher embeddings; `dt` may differ from `ds`.
 *
 * @example
 * const loss = similarityPreservingLoss(studentHidden, teacherHidden);
 */
export function similarityPreservingLoss(student: tf.Tensor, teacher: tf.Tensor): tf.Scalar {
  assertMatrix('student', student);
  assertMatrix('teacher', teacher);
  assertSameBatch('student', student, 'teacher', teacher);
  return tf.tidy(() => {
    const gram = (f: tf.Tensor2D): tf.Tensor2D => l2Normalize(tf.matMul(f, f, false, true), 1);
    return tf.mean(tf.squaredDifference(gram(student), gram(teacher))) as tf.Scalar;
  });
}
