/**
 * @module `createAdam`: the one Adam the training loop uses, on every backend. On host-memory
 * backends (wasm, cpu, tfjs-node) it is {@link createHostAdam} (one JavaScript pass per
 * variable); on GPU backends {@link createDeviceAdam} (two WGSL dispatches per variable, nothing
 * read back). Either way the step returns the loss as a scalar tensor, so a caller can read it
 * when it suits the device (asynchronously, in batches) rather than after every step.
 */
import * as tf from '@tensorflow/tfjs';
import { createDeviceAdam } from './device-adam.js';
import { createHostAdam, type HostAdamOptions } from './host-adam.js';
import { hostMemory } from './host-view.js';

/** An Adam optimizer for the active backend. */
export interface Adam {
  /** Current learning rate; assign to change it (e.g. reduce-on-plateau). */
  learningRate: number;
  /** Computes `loss` and its gradients w.r.t. `variables`, applies one step, returns the loss (the caller disposes it). */
  minimize(loss: () => tf.Scalar, variables: readonly tf.Variable[]): tf.Scalar;
  /** Frees the optimizer state. */
  dispose(): void;
}

/**
 * PyTorch-equivalent Adam (β 0.9/0.999, ε 1e−8 unless given) for the backend active now.
 *
 * @example
 * ```ts
 * const adam = createAdam({ learningRate: 1e-3 });
 * const loss = adam.minimize(() => crossEntropy(net.apply(x, true).logits, y), net.trainableVariables);
 * const value = (await loss.data())[0];
 * loss.dispose();
 * ```
 */
export function createAdam(options: HostAdamOptions): Adam {
  if (!hostMemory()) {
    const device = createDeviceAdam(options);
    return {
      get learningRate() {
        return device.learningRate;
      },
      set learningRate(value: number) {
        device.learningRate = value;
      },
      minimize: (loss, variables) => device.minimize(loss, variables),
      dispose: () => device.reset(),
    };
  }
  const host = createHostAdam(options);
  return {
    get learningRate() {
      return host.learningRate;
    },
    set learningRate(value: number) {
      host.learningRate = value;
    },
    minimize: (loss, variables) => tf.scalar(host.minimize(loss, variables)),
    dispose: () => host.reset(),
  };
}
