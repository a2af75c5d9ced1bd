/** @module Batched inference: logits (and optionally hidden features) of a net on many windows. */
import * as tf from '@tensorflow/tfjs';
import { inferenceBatchSize } from '@painkd/models';
import type { TeacherBatch } from './objective.js';
import type { TrainableNet } from './trainable-net.js';

/**
 * Logits of `net` (inference mode) on every window of `x`, row-major `[n, classes]`: passes of
 * `inferenceBatchSize()` windows (a GPU backend takes thousands at once), joined on the backend
 * and read once, asynchronously.
 *
 * @example
 * const logits = await predictLogits(net, xTest);
 */
export async function predictLogits(net: TrainableNet, x: tf.Tensor3D, batchSize = inferenceBatchSize()): Promise<Float32Array> {
  const logits = tf.tidy(() => {
    const n = x.shape[0];
    const parts: tf.Tensor2D[] = [];
    for (let start = 0; start < n; start += batchSize) {
      const size = Math.min(batchSize, n - start);
      parts.push(net.apply(size === n ? x : tf.slice(x, [start, 0, 0], [size, -1, -1]), false).logits);
    }
    return parts.length === 1 ? parts[0] : tf.concat(parts, 0);
  });
  const values = Float32Array.from((await logits.data()) as Float32Array);
  logits.dispose();
  return values;
}

/**
 * The frozen teacher's logits and hidden features on every window of `x`, kept as tensors on
 * the backend. Computed once per fold and gathered per mini-batch by every student, so the
 * teacher never runs again during distillation. The caller disposes the result.
 *
 * @example
 * const cache = teacherOutputs(teacher, xTrain);
 * // … train every student …
 * tf.dispose([cache.logits, cache.hidden]);
 */
export function teacherOutputs(teacher: TrainableNet, x: tf.Tensor3D, batchSize = inferenceBatchSize()): TeacherBatch {
  const n = x.shape[0];
  const logits: tf.Tensor2D[] = [];
  const hidden: tf.Tensor2D[] = [];
  for (let start = 0; start < n; start += batchSize) {
    const size = Math.min(batchSize, n - start);
    const out = tf.tidy(() => {
      const o = teacher.apply(tf.slice(x, [start, 0, 0], [size, -1, -1]), false);
      return [o.logits, o.hidden] as const;
    });
    logits.push(out[0]);
    hidden.push(out[1]);
  }
  const result = { logits: tf.concat(logits, 0), hidden: tf.concat(hidden, 0) };
  tf.dispose([...logits, ...hidden]);
  return result;
}
