/** @module The training loop's optimizer: Adam, host-side on CPU-memory backends, tfjs' otherwise. */
import * as tf from '@tensorflow/tfjs';
import { createHostAdam } from '@painkd/models';
import { ScheduledAdam } from './scheduled-adam.js';

/** One Adam step at a time, with a learning rate a scheduler may change between steps. */
export interface StepOptimizer {
  learningRate: number;
  /** Computes `loss`, its gradients w.r.t. `variables`, applies one step; returns the loss value. */
  step(loss: () => tf.Scalar, variables: readonly tf.Variable[]): number;
  dispose(): void;
}

/** Backends whose tensors live in JavaScript-visible host memory. */
const HOST_BACKENDS = new Set(['cpu', 'wasm', 'tensorflow']);

/**
 * PyTorch-equivalent Adam (β 0.9/0.999, ε 1e−8). On the cpu, wasm and tfjs-node backends it is
 * @painkd/models' `createHostAdam` (one JavaScript pass per variable instead of ~12 kernel
 * launches, which on small nets costs more than the arithmetic); on others (GPU) tfjs' Adam.
 *
 * @example
 * const opt = createOptimizer(1e-3);
 * const loss = opt.step(() => crossEntropyLoss(net.apply(x, true).logits, y), net.trainableVariables);
 */
export function createOptimizer(learningRate: number): StepOptimizer {
  if (HOST_BACKENDS.has(tf.getBackend())) {
    const adam = createHostAdam({ learningRate });
    return {
      get learningRate() {
        return adam.learningRate;
      },
      set learningRate(value: number) {
        adam.learningRate = value;
      },
      step: (loss, variables) => tf.tidy(() => adam.minimize(loss, variables)),
      dispose: () => adam.reset(),
    };
  }
  const adam = new ScheduledAdam(learningRate);
  return {
    get learningRate() {
      return adam.rate;
    },
    set learningRate(value: number) {
      adam.rate = value;
    },
    step(loss, variables) {
      const value = tf.tidy(() => {
        const { value, grads } = tf.variableGrads(loss, [...variables]);
        // tfjs types applyGradients for variables, but reads plain tensors keyed by variable name (as minimize() does).
        adam.applyGradients(grads as unknown as Parameters<ScheduledAdam['applyGradients']>[0]);
        return value;
      });
      const v = value.dataSync()[0];
      value.dispose();
      return v;
    },
    dispose: () => adam.dispose(),
  };
}
