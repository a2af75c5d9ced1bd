/** @module Batched inference of a {@link Net} on windows held in one Float32Array. */
import * as tf from '@tensorflow/tfjs';
import { hostMemory } from '../ops/host-view.js';
import { NetError } from './net-error.js';
import type { Net } from './net.js';

/** Logits and hidden features of `count` windows, row-major. */
export interface Predictions {
  readonly count: number;
  /** `[count, classes]`. */
  readonly logits: Float32Array;
  /** `[count, hiddenSize]`. */
  readonly hidden: Float32Array;
}

/**
 * Runs `net` in inference mode on windows stored back to back in `x` (`[count, length,
 * channels]`, row-major), `batch` windows at a time inside `tf.tidy`. Reads synchronously:
 * host-memory backends only (`NET_SYNC_READ` on a GPU backend).
 *
 * @example
 * ```ts
 * const { logits, hidden } = predictNet(teacher, windows, 256);
 * ```
 */
export function predictNet(net: Net, x: Float32Array, batch = 256): Predictions {
  const { length, channels } = net.spec.input;
  const per = length * channels;
  if (x.length % per !== 0) throw new NetError('NET_BAD_INPUT', `input length ${x.length} is not a multiple of ${length}·${channels}`);
  if (!Number.isInteger(batch) || batch < 1) throw new NetError('NET_BAD_INPUT', `batch must be a positive integer, got ${batch}`);
  if (!hostMemory()) throw new NetError('NET_SYNC_READ', `predictNet reads synchronously, which the ${tf.getBackend()} backend cannot do`);
  const count = x.length / per;
  const classes = net.spec.classes;
  const logits = new Float32Array(count * classes);
  const hidden = new Float32Array(count * net.hiddenSize);
  for (let start = 0; start < count; start += batch) {
    const n = Math.min(batch, count - start);
    const [l, h] = tf.tidy(() => {
      const out = net.apply(tf.tensor3d(x.subarray(start * per, (start + n) * per), [n, length, channels]), false);
      return [out.logits, out.hidden];
    });
    logits.set(l.dataSync(), start * classes);
    hidden.set(h.dataSync(), start * net.hiddenSize);
    l.dispose();
    h.dispose();
  }
  return { count, logits, hidden };
}
