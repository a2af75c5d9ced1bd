/**
 * @module How closely a quantised model follows its fp32 original: logits of both on the same
 * windows, reduced to the largest and mean absolute difference and the argmax agreement.
 */
import { createInferenceSession, type RuntimeName } from '@painkd/runtime';

/** Agreement of two models on the same windows. */
export interface ModelAgreement {
  readonly maxAbsLogitDiff: number;
  readonly meanAbsLogitDiff: number;
  /** Fraction of windows whose predicted class is the same. */
  readonly argmaxAgreement: number;
  readonly windows: number;
}

/**
 * Runs both models on `windows` (each `length × channels`) and compares their logits.
 *
 * @example
 * ```ts
 * const { argmaxAgreement } = await compareModels(fp32Bytes, int8Bytes, testWindows);
 * ```
 */
export async function compareModels(
  reference: Uint8Array,
  candidate: Uint8Array,
  windows: readonly Float32Array[],
  options: { readonly runtime?: RuntimeName | 'auto'; readonly batchSize?: number } = {},
): Promise<ModelAgreement> {
  const [a, b] = await Promise.all([predictLogits(reference, windows, options), predictLogits(candidate, windows, options)]);
  return logitAgreement(a, b, windows.length);
}

/**
 * Agreement of two row-major `[windows, classes]` logit matrices.
 *
 * @example
 * ```ts
 * logitAgreement(fp32Logits, int8Logits, 512).argmaxAgreement; // 0.99
 * ```
 */
export function logitAgreement(a: Float32Array, b: Float32Array, windows: number): ModelAgreement {
  if (a.length !== b.length || windows < 1 || a.length % windows !== 0) throw new RangeError(`logit matrices of ${a.length} and ${b.length} values do not both hold ${windows} rows`);
  const classes = a.length / windows;
  let max = 0;
  let sum = 0;
  let agree = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i]! - b[i]!);
    max = Math.max(max, d);
    sum += d;
  }
  for (let w = 0; w < windows; w++) if (argmax(a, w * classes, classes) === argmax(b, w * classes, classes)) agree++;
  return { maxAbsLogitDiff: max, meanAbsLogitDiff: sum / a.length, argmaxAgreement: agree / windows, windows };
}

/**
 * Logits `[windows, classes]` of a model on windows, run in batches.
 *
 * @example
 * ```ts
 * const logits = await predictLogits(int8Bytes, windows);
 * ```
 */
export async function predictLogits(
  model: Uint8Array,
  windows: readonly Float32Array[],
  options: { readonly runtime?: RuntimeName | 'auto'; readonly batchSize?: number } = {},
): Promise<Float32Array> {
  const session = await createInferenceSession(model, { runtime: options.runtime ?? 'auto' });
  try {
    const batchSize = options.batchSize ?? 256;
    const parts: Float32Array[] = [];
    for (let start = 0; start < windows.length; start += batchSize) {
      const batch = windows.slice(start, start + batchSize);
      const size = batch[0]!.length;
      const packed = new Float32Array(batch.length * size);
      batch.forEach((w, i) => packed.set(w, i * size));
      parts.push((await session.run(packed, batch.length)).logits);
    }
    const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
    let offset = 0;
    for (const p of parts) {
      out.set(p, offset);
      offset += p.length;
    }
    return out;
  } finally {
    await session.dispose();
  }
}

/** Index of the largest of `count` values starting at `offset`. */
export function argmax(values: Float32Array, offset: number, count: number): number {
  let best = 0;
  for (let c = 1; c < count; c++) if (values[offset + c]! > values[offset + best]!) best = c;
  return best;
}
