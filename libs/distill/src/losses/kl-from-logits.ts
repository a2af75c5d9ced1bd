/** @module Row-wise KL(softmax(t) ‖ softmax(s)) from logits, accurate in float32 when t ≈ s. */
import * as tf from '@tensorflow/tfjs';

/** Largest exponent handed to `expm1`: e^80 ≈ 5.5e34 is finite in float32 (max ≈ 3.4e38). */
const EXPM1_CAP = 80;

/**
 * Row-wise KL divergence between the softmax distributions of two logit matrices:
 *
 *   KL(p ‖ q),  p = softmax(t),  q = softmax(s),  d = t − s − c
 *   KL = Σ_c p_c d_c − log1p(Σ_c q_c · expm1(d_c))
 *   c = max(Σ_c q_c (t − s)_c, max_c (t − s)_c − 80)
 *
 * This equals Σ p (log p − log q) exactly (log p − log q = d − log Σ q e^d for any shift c), but
 * never subtracts two log-probabilities of similar size: at high temperature the KL is a tiny
 * difference of O(1) logs, which float32 resolves only to ~1e−7 per term before the T² factor
 * amplifies it. With c the q-weighted mean of t − s, Jensen gives Σ q expm1(d) ≥ 0, so `log1p`
 * is always well conditioned; the `− 80` cap keeps `expm1` finite in float32 when logit gaps are
 * extreme. Classes whose probability underflows to 0 in both (masked classes) add nothing.
 *
 * @returns `[batch]` KL per row (≥ 0 up to rounding).
 *
 * @example
 * const kl = klFromLogits(tf.div(teacherLogits, T), tf.div(studentLogits, T));
 */
export function klFromLogits(t: tf.Tensor2D, s: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => {
    const diff = tf.sub(t, s);
    const p = tf.softmax(t);
    const q = tf.softmax(s);
    const shift = tf.maximum(tf.sum(tf.mul(q, diff), 1, true), tf.sub(tf.max(diff, 1, true), EXPM1_CAP));
    const d = tf.sub(diff, shift);
    const first = tf.sum(tf.mul(p, d), 1);
    const second = tf.log1p(tf.sum(tf.mul(q, tf.expm1(d)), 1));
    return tf.sub(first, second) as tf.Tensor1D;
  });
}
