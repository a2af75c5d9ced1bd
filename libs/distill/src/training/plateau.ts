/** @module Early stopping and reduce-learning-rate-on-plateau, both watching the validation loss. */

/** Settings of {@link PlateauTracker}. */
export interface PlateauOptions {
  /** Epochs without improvement before training stops. */
  readonly patience: number;
  /** Epochs without improvement before the learning rate is multiplied by `lrFactor`. */
  readonly lrPatience: number;
  readonly lrFactor: number;
  readonly minLearningRate: number;
  /** Relative improvement that counts (PyTorch ReduceLROnPlateau `threshold`, mode `rel`). */
  readonly threshold?: number;
}

/** What the loop should do after an epoch. */
export interface PlateauDecision {
  /** This epoch is the best so far: keep its weights. */
  readonly improved: boolean;
  /** Learning rate for the next epoch. */
  readonly learningRate: number;
  readonly stop: boolean;
}

/**
 * Tracks the validation loss: `improved` when it beats the best by more than `threshold`
 * (relative); the learning rate drops after `lrPatience` epochs without improvement (then the
 * count restarts, like PyTorch's `ReduceLROnPlateau`); `stop` after `patience` epochs without
 * improvement.
 *
 * @example
 * const plateau = new PlateauTracker({ patience: 6, lrPatience: 3, lrFactor: 0.5, minLearningRate: 1e-5 }, 1e-3);
 * const { improved, learningRate, stop } = plateau.update(valLoss);
 */
export class PlateauTracker {
  private best = Number.POSITIVE_INFINITY;
  private sinceBest = 0;
  private sinceLrChange = 0;
  private lr: number;

  constructor(
    private readonly options: PlateauOptions,
    learningRate: number,
  ) {
    this.lr = learningRate;
  }

  /** Feeds one epoch's validation loss. */
  update(valLoss: number): PlateauDecision {
    const threshold = this.options.threshold ?? 1e-4;
    const improved = valLoss < this.best * (1 - threshold);
    if (improved) {
      this.best = valLoss;
      this.sinceBest = 0;
      this.sinceLrChange = 0;
    } else {
      this.sinceBest++;
      this.sinceLrChange++;
      if (this.sinceLrChange >= this.options.lrPatience) {
        this.lr = Math.max(this.options.minLearningRate, this.lr * this.options.lrFactor);
        this.sinceLrChange = 0;
      }
    }
    return { improved, learningRate: this.lr, stop: this.sinceBest >= this.options.patience };
  }
}
