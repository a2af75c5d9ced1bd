/** @module The `Net` interface: a trainable tfjs network built from a {@link NetSpec}. */
import type * as tf from '@tensorflow/tfjs';
import type { NetSpec, NetWeights } from './net-spec.js';

/** What a forward pass returns (a type alias, so `tf.tidy(() => net.apply(x, false))` type-checks). */
export type NetOutput = {
  /** Class logits `[batch, classes]`. */
  readonly logits: tf.Tensor2D;
  /** The representation entering the logits layer `[batch, hiddenSize]`. */
  readonly hidden: tf.Tensor2D;
};

/** A network with its own variables, built by `createNet`. */
export interface Net {
  readonly spec: NetSpec;
  /** Trainable parameters (kernels, biases, BN gamma/beta). */
  readonly paramCount: number;
  /** Width of `hidden`. */
  readonly hiddenSize: number;
  /**
   * The variables an optimizer should update, in the order of the trainable keys of
   * `getWeights()` (every key but BN `movingMean`/`movingVariance`).
   */
  readonly trainableVariables: tf.Variable[];
  /**
   * Forward pass on `[batch, length, channels]`. `training` uses batch statistics in batch-norm
   * (and updates the moving statistics) and applies seeded dropout; otherwise moving statistics
   * and no dropout. Call inside `tf.tidy` (or a gradient function).
   */
  apply(x: tf.Tensor3D, training: boolean): NetOutput;
  /**
   * A copy of every weight, keyed `<layer>/<param>`, BN moving statistics included, read
   * synchronously: host-memory backends only (wasm, cpu); on a GPU backend it throws
   * `NET_SYNC_READ` — use {@link Net.readWeights}.
   */
  getWeights(): NetWeights;
  /** The same copy as `getWeights()`, read asynchronously: works on every backend. */
  readWeights(): Promise<NetWeights>;
  /** Replaces every weight; throws `NET_BAD_WEIGHTS` when a key is missing or a shape differs. */
  setWeights(weights: NetWeights): void;
  /** Frees the variables; the net cannot be used afterwards. */
  dispose(): void;
}
