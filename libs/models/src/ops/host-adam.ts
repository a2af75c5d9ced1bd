/**
 * @module Adam whose update runs on the host, on Float32Arrays.
 *
 * `tf.train.adam` launches about a dozen kernels per variable per step; for a net of 15–20
 * variables that is 200+ kernel launches, which on wasm and cpu (memory shared with JavaScript)
 * cost more than the arithmetic. Here each step reads every gradient in place (`hostView`),
 * applies Adam in one JavaScript loop to a host copy of the parameters, and uploads them: one
 * copy per variable instead of a dozen kernels. The host copy is re-read whenever the variable
 * was assigned by someone else (e.g. `setWeights`). The update is PyTorch's `torch.optim.Adam`
 * (bias-corrected, ε added to √v̂). For backends whose tensors live in host memory (wasm, cpu,
 * tfjs-node); on a GPU backend `createAdam` takes the device-side Adam (device-adam.ts) instead.
 */
import * as tf from '@tensorflow/tfjs';
import { adamWith, type Adam, type AdamOptions, type AdamStep } from './adam-core.js';
import { hostView } from './host-view.js';

/** Options of {@link createHostAdam}. */
export type HostAdamOptions = AdamOptions;

/** An Adam optimizer with host-side state. */
export interface HostAdam {
  /** Current learning rate; assign to change it (e.g. reduce-on-plateau). */
  learningRate: number;
  /** Steps taken. */
  readonly iterations: number;
  /**
   * Computes `loss` and its gradients with respect to `variables`, applies one Adam step and
   * returns the loss value.
   */
  minimize(loss: () => tf.Scalar, variables: readonly tf.Variable[]): number;
  /** Forgets the moment estimates and the step count. */
  reset(): void;
}

interface Moments {
  readonly m: Float32Array;
  readonly v: Float32Array;
  /** Host copy of the parameters, valid while the variable still holds `dataId`. */
  params: Float32Array;
  dataId: object;
}

/** One Adam step over a flat parameter array, in place (kept small so V8 optimises it alone). */
function adamUpdate(p: Float32Array, g: Float32Array, m: Float32Array, v: Float32Array, { beta1, beta2, stepSize, invC2, epsilon }: AdamStep): void {
  const keep1 = 1 - beta1;
  const keep2 = 1 - beta2;
  for (let i = 0; i < p.length; i++) {
    const gi = g[i]!;
    const mi = beta1 * m[i]! + keep1 * gi;
    const vi = beta2 * v[i]! + keep2 * gi * gi;
    m[i] = mi;
    v[i] = vi;
    p[i] = p[i]! - (stepSize * mi) / (Math.sqrt(vi * invC2) + epsilon);
  }
}

/**
 * The host-side Adam as an {@link Adam} (the loss returned as a tensor), for `createAdam`.
 *
 * @example
 * ```ts
 * const adam = hostAdam({ learningRate: 1e-3 });
 * ```
 */
export function hostAdam(options: AdamOptions): Adam {
  let state = new WeakMap<tf.Variable, Moments>();
  const update = (variable: tf.Variable, grad: tf.Tensor, step: AdamStep): void => {
    let s = state.get(variable);
    if (!s) {
      const size = variable.size;
      s = { m: new Float32Array(size), v: new Float32Array(size), params: new Float32Array(0), dataId: {} };
      state.set(variable, s);
    }
    if (s.dataId !== variable.dataId) s.params = (variable.dataSync() as Float32Array).slice();
    adamUpdate(s.params, hostView(grad), s.m, s.v, step);
    // The cpu backend keeps the array it is given: hand it a copy, keep ours private.
    const next = tf.tensor(tf.getBackend() === 'wasm' ? s.params : s.params.slice(), variable.shape);
    variable.assign(next);
    next.dispose();
    s.dataId = variable.dataId;
  };
  return adamWith(options, update, () => {
    state = new WeakMap();
  });
}

/**
 * Creates a host-side Adam whose step returns the loss as a number.
 *
 * @example
 * ```ts
 * const adam = createHostAdam({ learningRate: 1e-3 });
 * const loss = adam.minimize(() => tf.losses.softmaxCrossEntropy(y, net.apply(x, true).logits) as tf.Scalar, net.trainableVariables);
 * ```
 */
export function createHostAdam(options: HostAdamOptions): HostAdam {
  const adam = hostAdam(options);
  return {
    get learningRate() {
      return adam.learningRate;
    },
    set learningRate(value: number) {
      adam.learningRate = value;
    },
    get iterations() {
      return adam.iterations;
    },
    minimize(loss, variables) {
      const value = adam.minimize(loss, variables);
      const out = value.dataSync()[0]!;
      value.dispose();
      return out;
    },
    reset: () => adam.dispose(),
  };
}
