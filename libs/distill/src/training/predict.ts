/** @module Batched inference: logits (and optionally hidden features) of a net on many windows. */
import * as tf from '@tensorflow/tfjs';
import type { TeacherBatch } from './objective.js';
import type { TrainableNet } from './trainable-net.js';

/** Rows per forward pass during inference; large enough to amortise op dispatch, small in memory. */
export const INFERENCE_BATCH = 512;

/**
 * Logits of `net` (inference mode) on every window of `x`, row-major `[n, classes]`.
 *
 * @example
 * const logits = predictLogits(net, xTest);
 */
export function predictLogits(net: TrainableNet, x: tf.Tensor3D, batchSize = INFERENCE_BATCH): Float32Array {
  const n = x.shape[0];
  const parts: Float32Array[] = [];
  for (let start = 0; start < n; start += batchSize) {
    const size = Math.min(batchSize, n - start);
    const logits = tf.tidy(() => net.apply(tf.slice(x, [start, 0, 0], [size, -1, -1]), false).logits);
    parts.push(logits.dataSync() as Float32Array);
    logits.dispose();
  }
  const total = parts.reduce((a, p) => a + p.length, 0);
  const out = new Float32Array(total);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
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
export function teacherOutputs(teacher: TrainableNet, x: tf.Tensor3D, batchSize = INFERENCE_BATCH): TeacherBatch {
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
