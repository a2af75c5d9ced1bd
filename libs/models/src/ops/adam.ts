/**
 * @module `createAdam`: the one Adam the training loop uses, on every backend. On host-memory
 * backends (wasm, cpu, tfjs-node) the host-side Adam (one JavaScript pass per variable); on GPU
 * backends {@link createDeviceAdam} (two WGSL dispatches per variable, nothing read back). Either
 * way the step returns the loss as a scalar tensor, so a caller can read it when it suits the
 * device (asynchronously, a few steps behind) rather than after every step.
 */
import type { Adam, AdamOptions } from './adam-core.js';
import { createDeviceAdam } from './device-adam.js';
import { hostAdam } from './host-adam.js';
import { hostMemory } from './host-view.js';

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
export function createAdam(options: AdamOptions): Adam {
  return hostMemory() ? hostAdam(options) : createDeviceAdam(options);
}
