/**
 * @module Adam whose state and update stay on a GPU backend: per variable one packed `[m, v]`
 * tensor and two WGSL dispatches per step (wgsl/adam-programs.ts); the loss is returned as a
 * tensor, never read. Same update as {@link createHostAdam} (PyTorch's `torch.optim.Adam`).
 */
import * as tf from '@tensorflow/tfjs';
import type { HostAdamOptions } from './host-adam.js';
import { adamMomentsProgram, adamParamsProgram } from './wgsl/adam-programs.js';
import { runProgram } from './wgsl/run-program.js';

/** An Adam optimizer whose state lives on the device. */
export interface DeviceAdam {
  /** Current learning rate; assign to change it (e.g. reduce-on-plateau). */
  learningRate: number;
  /** Steps taken. */
  readonly iterations: number;
  /** One step on `variables`; returns the loss as a scalar tensor the caller disposes. */
  minimize(loss: () => tf.Scalar, variables: readonly tf.Variable[]): tf.Scalar;
  /** Frees the moment estimates and forgets the step count. */
  reset(): void;
}

/**
 * Creates a device-side Adam (for webgpu; on host-memory backends use {@link createHostAdam}).
 *
 * @example
 * ```ts
 * const adam = createDeviceAdam({ learningRate: 1e-3 });
 * const loss = adam.minimize(() => lossOf(net.apply(x, true).logits), net.trainableVariables); // tensor
 * ```
 */
export function createDeviceAdam(options: HostAdamOptions): DeviceAdam {
  const beta1 = options.beta1 ?? 0.9;
  const beta2 = options.beta2 ?? 0.999;
  const epsilon = options.epsilon ?? 1e-8;
  let moments = new Map<tf.Variable, tf.Tensor>();
  let step = 0;
  const adam: DeviceAdam = {
    learningRate: options.learningRate,
    get iterations() {
      return step;
    },
    minimize(loss, variables) {
      const { value, grads } = tf.variableGrads(loss, variables as tf.Variable[]);
      step++;
      const stepSize = adam.learningRate / (1 - beta1 ** step);
      const invC2 = 1 / (1 - beta2 ** step);
      for (const variable of variables) {
        const grad = grads[variable.name];
        if (!grad) continue;
        const n = variable.size;
        const previous = moments.get(variable) ?? tf.zeros([2 * n]);
        const mv = runProgram(adamMomentsProgram(n), [grad, previous], [
          ['int32', n],
          ['float32', beta1],
          ['float32', beta2],
          ['float32', 1 - beta1],
          ['float32', 1 - beta2],
        ]);
        previous.dispose();
        moments.set(variable, tf.keep(mv));
        const next = runProgram(adamParamsProgram(n), [variable, mv], [
          ['int32', n],
          ['float32', stepSize],
          ['float32', invC2],
          ['float32', epsilon],
        ]);
        variable.assign(tf.reshape(next, variable.shape));
        next.dispose();
      }
      for (const g of Object.values(grads)) g.dispose();
      return value;
    },
    reset() {
      for (const mv of moments.values()) mv.dispose();
      moments = new Map();
      step = 0;
    },
  };
  return adam;
}
