/**
 * @module The FitNets hint regressor: a trainable linear map from the student's hidden features
 * to the teacher's hidden size, so a hint loss can compare them (Romero et al., 2015; the seed's
 * "intermediate regressor").
 */
import * as tf from '@tensorflow/tfjs';
import { filled, glorotUniform, initRng } from './init.js';
import { NetError } from './net-error.js';

/** A trainable linear map `h · W + b`. */
export interface HintRegressor {
  readonly inputSize: number;
  readonly outputSize: number;
  readonly trainableVariables: tf.Variable[];
  /** Maps `[batch, inputSize]` to `[batch, outputSize]`. */
  apply(studentHidden: tf.Tensor2D): tf.Tensor2D;
  dispose(): void;
}

/** Options of {@link createHintRegressor}. */
export interface HintRegressorOptions {
  readonly seed: number;
}

/**
 * Creates a hint regressor with a Glorot-uniform kernel `[studentHidden, teacherHidden]` and a
 * zero bias.
 *
 * @example
 * ```ts
 * const reg = createHintRegressor(student.hiddenSize, teacher.hiddenSize, { seed: 3 });
 * const loss = tf.losses.meanSquaredError(teacherHidden, reg.apply(studentHidden));
 * ```
 */
export function createHintRegressor(studentHidden: number, teacherHidden: number, options: HintRegressorOptions): HintRegressor {
  for (const [name, v] of [['studentHidden', studentHidden], ['teacherHidden', teacherHidden]] as const) {
    if (!Number.isInteger(v) || v < 1) throw new NetError('NET_BAD_CONFIG', `${name} must be a positive integer, got ${v}`);
  }
  const rng = initRng(options.seed);
  const [kernel, bias] = tf.tidy(() => [
    tf.variable(tf.tensor2d(glorotUniform(rng, studentHidden * teacherHidden, studentHidden, teacherHidden), [studentHidden, teacherHidden])),
    tf.variable(tf.tensor1d(filled(teacherHidden, 0))),
  ]);
  return {
    inputSize: studentHidden,
    outputSize: teacherHidden,
    trainableVariables: [kernel, bias],
    apply(h) {
      if (h.rank !== 2 || h.shape[1] !== studentHidden) throw new NetError('NET_BAD_INPUT', `expected [batch, ${studentHidden}], got [${h.shape.join(', ')}]`);
      return tf.fused.matMul({ a: h, b: kernel as tf.Tensor2D, bias }) as tf.Tensor2D;
    },
    dispose() {
      kernel.dispose();
      bias.dispose();
    },
  };
}
