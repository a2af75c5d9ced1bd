/** @module Adam whose learning rate a scheduler may change between steps. */
import * as tf from '@tensorflow/tfjs';

/**
 * tfjs's `AdamOptimizer` (same update, same moment state) with a settable learning rate, for
 * reduce-on-plateau. Defaults follow PyTorch `torch.optim.Adam`: β = (0.9, 0.999), ε = 1e−8.
 *
 * @example
 * const opt = new ScheduledAdam(1e-3);
 * opt.rate = opt.rate / 2;
 */
export class ScheduledAdam extends tf.AdamOptimizer {
  constructor(learningRate: number, beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8) {
    super(learningRate, beta1, beta2, epsilon);
  }

  /** The current learning rate. */
  get rate(): number {
    return this.learningRate;
  }

  set rate(value: number) {
    this.learningRate = value;
  }
}
