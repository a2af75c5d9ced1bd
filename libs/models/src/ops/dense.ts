/**
 * @module A dense layer (`x · W + b`, optional ReLU) whose gradient uses only non-transposed
 * matMuls. tfjs-wasm runs `matMul` on XNNPACK only when neither operand is transposed; the
 * built-in gradient (`dy · Wᵀ`, `xᵀ · dy`) takes its generic loop, ≈ 10× slower. Here
 * `dx = (W · dyᵀ)ᵀ` and `dW = xᵀ · dy` with explicit transposes of the small activation
 * tensors only (never of W). On GPU backends a transposed operand costs nothing but each
 * explicit transpose is a dispatch, so there the gradient is `dy · Wᵀ` and `xᵀ · dy` as flags.
 */
import * as tf from '@tensorflow/tfjs';
import { hostMemory } from './host-view.js';

/**
 * `relu?(x · kernel + bias)` for `x` `[batch, in]`, `kernel` `[in, out]`, `bias` `[out]`.
 *
 * @example
 * ```ts
 * const h = dense(x, kernel, bias, true); // [batch, out], ReLU applied
 * ```
 */
export function dense(x: tf.Tensor2D, kernel: tf.Tensor2D, bias: tf.Tensor1D | undefined, relu: boolean): tf.Tensor2D {
  const f = (...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const a = args[0] as tf.Tensor2D;
    const w = args[1] as tf.Tensor2D;
    const b = bias ? (args[2] as tf.Tensor1D) : undefined;
    const save = args[bias ? 3 : 2] as tf.GradSaveFunc;
    // The kernel itself: `tf.fused.matMul` un-fuses a ReLU whenever a gradient is being recorded.
    const [batch, inUnits] = a.shape;
    const units = w.shape[1];
    const inputs = { a: tf.reshape(a, [1, batch, inUnits]), b: tf.reshape(w, [1, inUnits, units]), ...(b ? { bias: b } : {}) };
    const fused = tf.engine().runKernel('_FusedMatMul', inputs, { transposeA: false, transposeB: false, activation: relu ? 'relu' : 'linear' }) as tf.Tensor;
    const y = tf.reshape(fused, [batch, units]) as tf.Tensor2D;
    save(relu ? [a, w, y] : [a, w]);
    return {
      value: y,
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [sa, sw, sy] = saved as [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D | undefined];
        const dz = (sy ? tf.mul(dy, tf.step(sy)) : dy) as tf.Tensor2D;
        const host = hostMemory();
        const dx = host ? tf.transpose(tf.matMul(sw, tf.transpose(dz))) : tf.matMul(dz, sw, false, true);
        const dw = host ? tf.matMul(tf.transpose(sa), dz) : tf.matMul(sa, dz, true, false);
        if (!b) return [dx, dw];
        const db = tf.reshape(tf.matMul(tf.ones([1, dz.shape[0]]), dz), [dz.shape[1]]);
        return [dx, dw, db];
      },
    };
  };
  const op = tf.customGrad(f);
  return (bias ? op(x, kernel, bias) : op(x, kernel)) as tf.Tensor2D;
}
