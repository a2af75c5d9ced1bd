/**
 * @module Adam whose state and update stay on a GPU backend: per variable one packed `[m, v]`
 * tensor and two WGSL dispatches per step (wgsl/adam-programs.ts); the loss is returned as a
 * tensor, never read. Same update as the host-side Adam (PyTorch's `torch.optim.Adam`).
 */
import * as tf from '@tensorflow/tfjs';
import { adamWith, type Adam, type AdamOptions, type AdamStep } from './adam-core.js';
import { adamMomentsProgram, adamParamsProgram } from './wgsl/adam-programs.js';
import { runProgram } from './wgsl/run-program.js';

/**
 * Creates a device-side Adam (for webgpu; on host-memory backends the host-side one is cheaper).
 *
 * @example
 * ```ts
 * const adam = createDeviceAdam({ learningRate: 1e-3 });
 * const loss = adam.minimize(() => lossOf(net.apply(x, true).logits), net.trainableVariables); // tensor
 * ```
 */
export function createDeviceAdam(options: AdamOptions): Adam {
  const moments = new Map<tf.Variable, tf.Tensor>();
  const update = (variable: tf.Variable, grad: tf.Tensor, step: AdamStep): void => {
    const n = variable.size;
    const previous = moments.get(variable) ?? tf.zeros([2 * n]);
    const mv = runProgram(adamMomentsProgram(n), [grad, previous], [
      ['int32', n],
      ['float32', step.beta1],
      ['float32', step.beta2],
      ['float32', 1 - step.beta1],
      ['float32', 1 - step.beta2],
    ]);
    previous.dispose();
    moments.set(variable, tf.keep(mv));
    const next = runProgram(adamParamsProgram(n), [variable, mv], [
      ['int32', n],
      ['float32', step.stepSize],
      ['float32', step.invC2],
      ['float32', step.epsilon],
    ]);
    const shaped = tf.reshape(next, variable.shape);
    variable.assign(shaped);
    tf.dispose([next, shaped]);
  };
  return adamWith(options, update, () => {
    for (const mv of moments.values()) mv.dispose();
    moments.clear();
  });
}
