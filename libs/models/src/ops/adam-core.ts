/**
 * @module What every painkd Adam shares: the options and their PyTorch defaults, the step count,
 * the bias corrections, and the gradient pass — leaving only the per-variable update (on the
 * host, or on the device) to each implementation.
 */
import * as tf from '@tensorflow/tfjs';

/** Options of an Adam optimizer. */
export interface AdamOptions {
  readonly learningRate: number;
  /** Default 0.9. */
  readonly beta1?: number;
  /** Default 0.999. */
  readonly beta2?: number;
  /** Default 1e-8 (PyTorch's). */
  readonly epsilon?: number;
}

/** The coefficients of one step: p ← p − stepSize · m / (√(v · invC2) + ε). */
export interface AdamStep {
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
  /** learningRate / (1 − β₁ᵗ). */
  readonly stepSize: number;
  /** 1 / (1 − β₂ᵗ). */
  readonly invC2: number;
}

/** An Adam optimizer; the step returns the loss as a scalar tensor the caller disposes. */
export interface Adam {
  /** Current learning rate; assign to change it (e.g. reduce-on-plateau). */
  learningRate: number;
  /** Steps taken. */
  readonly iterations: number;
  /** Computes `loss` and its gradients w.r.t. `variables`, applies one step, returns the loss. */
  minimize(loss: () => tf.Scalar, variables: readonly tf.Variable[]): tf.Scalar;
  /** Frees the optimizer state and forgets the step count. */
  dispose(): void;
}

/** Applies one step to `variable` given its gradient. */
export type AdamUpdate = (variable: tf.Variable, grad: tf.Tensor, step: AdamStep) => void;

/**
 * An {@link Adam} whose per-variable update is `update`; `forget` frees the update's state.
 *
 * @example
 * ```ts
 * const adam = adamWith({ learningRate: 1e-3 }, (variable, grad, step) => { … }, () => moments.clear());
 * ```
 */
export function adamWith(options: AdamOptions, update: AdamUpdate, forget: () => void): Adam {
  const beta1 = options.beta1 ?? 0.9;
  const beta2 = options.beta2 ?? 0.999;
  const epsilon = options.epsilon ?? 1e-8;
  let steps = 0;
  const adam: Adam = {
    learningRate: options.learningRate,
    get iterations() {
      return steps;
    },
    minimize(loss, variables) {
      const { value, grads } = tf.variableGrads(loss, variables as tf.Variable[]);
      steps++;
      const step = { beta1, beta2, epsilon, stepSize: adam.learningRate / (1 - beta1 ** steps), invC2: 1 / (1 - beta2 ** steps) };
      for (const variable of variables) {
        const grad = grads[variable.name];
        if (grad) update(variable, grad, step);
      }
      for (const g of Object.values(grads)) g.dispose();
      return value;
    },
    dispose() {
      forget();
      steps = 0;
    },
  };
  return adam;
}
