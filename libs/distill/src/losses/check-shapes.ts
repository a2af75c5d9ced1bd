/** @module Input checks shared by the loss functions (tfjs-core style: check first, compute second). */
import type * as tf from '@tensorflow/tfjs';
import { DistillError } from '../errors.js';

/** Throws unless `t` is a rank-2 float tensor `[batch, features]` with at least one row. */
export function assertMatrix(name: string, t: tf.Tensor): asserts t is tf.Tensor2D {
  if (t.rank !== 2 || t.shape[0] === 0 || t.shape[1] === 0) {
    throw new DistillError('LOSS_INVALID_ARGUMENT', `${name} must be a non-empty [batch, features] tensor, got shape [${t.shape.join(', ')}]`);
  }
  if (t.dtype !== 'float32') {
    throw new DistillError('LOSS_INVALID_ARGUMENT', `${name} must be float32, got ${t.dtype}`);
  }
}

/** Throws unless `a` and `b` have exactly the same shape. */
export function assertSameShape(aName: string, a: tf.Tensor, bName: string, b: tf.Tensor): void {
  if (a.shape.length !== b.shape.length || a.shape.some((d, i) => d !== b.shape[i])) {
    throw new DistillError(
      'LOSS_SHAPE_MISMATCH',
      `${aName} [${a.shape.join(', ')}] and ${bName} [${b.shape.join(', ')}] must have the same shape`,
    );
  }
}

/** Throws unless the matrices `a` and `b` have the same number of rows (their widths may differ). */
export function assertSameBatch(aName: string, a: tf.Tensor2D, bName: string, b: tf.Tensor2D): void {
  if (a.shape[0] !== b.shape[0]) {
    throw new DistillError('LOSS_SHAPE_MISMATCH', `${aName} has ${a.shape[0]} rows but ${bName} has ${b.shape[0]}`);
  }
}

/** Throws unless `labels` is an int32 vector with one class index per row of `logits`. */
export function assertLabels(labels: tf.Tensor, logits: tf.Tensor2D): asserts labels is tf.Tensor1D {
  if (labels.rank !== 1 || labels.dtype !== 'int32') {
    throw new DistillError('LOSS_INVALID_ARGUMENT', `labels must be an int32 vector, got ${labels.dtype} of shape [${labels.shape.join(', ')}]`);
  }
  if (labels.shape[0] !== logits.shape[0]) {
    throw new DistillError('LOSS_SHAPE_MISMATCH', `labels has ${labels.shape[0]} entries but logits has ${logits.shape[0]} rows`);
  }
}

/** Throws unless `value` is a finite number > 0. */
export function assertPositive(name: string, value: number): void {
  if (!Number.isFinite(value) || value <= 0) {
    throw new DistillError('LOSS_INVALID_ARGUMENT', `${name} must be a finite number > 0, got ${value}`);
  }
}
