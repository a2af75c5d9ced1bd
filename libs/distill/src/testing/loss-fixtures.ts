/** @module Test helper: the PyTorch golden values in fixtures/loss-fixtures.json, typed. */
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { fileURLToPath } from 'node:url';

/** One golden case written by fixtures/make_loss_fixtures.py. */
export interface LossFixture {
  readonly loss: 'crossEntropy' | 'kd' | 'dkd' | 'cosine' | 'mse' | 'rkdDistance' | 'rkdAngle' | 'sp';
  readonly student?: number[][];
  readonly teacher?: number[][];
  readonly labels?: number[];
  readonly a?: number[][];
  readonly b?: number[][];
  readonly temperature?: number;
  readonly alpha?: number;
  readonly beta?: number;
  readonly value: number;
  /** d value / d (student or a). */
  readonly grad: number[][];
}

const path = fileURLToPath(new URL('../../fixtures/loss-fixtures.json', import.meta.url));
const all = (JSON.parse(readFileSync(path, 'utf8')) as { cases: LossFixture[] }).cases;

/** The golden cases of one loss. */
export function lossFixtures(loss: LossFixture['loss']): LossFixture[] {
  const cases = all.filter((c) => c.loss === loss);
  if (cases.length === 0) throw new Error(`no fixtures for ${loss}`);
  return cases;
}

/**
 * Largest |a − b| over two nested arrays of the same shape, relative to max(1, max |golden|)
 * (the same float32 scaling as {@link goldenError}).
 */
export function maxAbsDiff(a: number[][], golden: number[][]): number {
  let worst = 0;
  let scale = 1;
  golden.forEach((row, i) =>
    row.forEach((v, j) => {
      worst = Math.max(worst, Math.abs(a[i][j] - v));
      scale = Math.max(scale, Math.abs(v));
    }),
  );
  return worst / scale;
}

/**
 * Error of a float32 loss value against its float64 golden value: absolute below 1, relative
 * above (a float32 value of 16 cannot be closer than its 1.9e−6 ulp, so "1e−6" means 1e−6 of
 * max(1, |golden|)).
 */
export function goldenError(actual: number, golden: number): number {
  return Math.abs(actual - golden) / Math.max(1, Math.abs(golden));
}

/**
 * Errors of `loss` (a function of one `[batch, features]` input, everything else fixed) against
 * a golden case: {@link goldenError} of the value and {@link maxAbsDiff} of the gradient.
 */
export function errorsAgainstGolden(loss: (x: tf.Tensor) => tf.Scalar, input: number[][], golden: LossFixture): { value: number; grad: number } {
  const x = tf.tensor2d(input);
  const { value, grad } = tf.valueAndGrad(loss)(x);
  const errors = { value: goldenError(value.dataSync()[0], golden.value), grad: maxAbsDiff(grad.arraySync() as number[][], golden.grad) };
  tf.dispose([x, value, grad]);
  return errors;
}
