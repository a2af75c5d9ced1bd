/**
 * @module Folding an inference-mode batch normalisation into the affine layer before it:
 * `γ·(Wx + b − μ)/√(σ² + ε) + β` = `W′x + b′` with `W′ = s·W`, `b′ = s·(b − μ) + β`,
 * `s = γ/√(σ² + ε)` per output channel. Computed in float64, stored float32.
 */

/** Batch-norm statistics and affine parameters, one value per channel. */
export interface BatchNormParams {
  readonly gamma: Float32Array;
  readonly beta: Float32Array;
  readonly movingMean: Float32Array;
  readonly movingVariance: Float32Array;
  readonly epsilon: number;
}

/**
 * Folds a batch norm into weights laid out with the output channel as the **last** axis
 * (tfjs conv `[k, in, out]` and dense `[in, out]` kernels).
 *
 * @returns new kernel and bias arrays (inputs untouched)
 * @example
 * ```ts
 * const { kernel, bias } = foldBatchNorm(convKernel, convBias, bn);
 * ```
 */
export function foldBatchNorm(
  kernel: Float32Array,
  bias: Float32Array | null,
  bn: BatchNormParams,
): { kernel: Float32Array; bias: Float32Array } {
  const out = bn.gamma.length;
  if (kernel.length % out !== 0) throw new RangeError(`kernel of ${kernel.length} values is not a multiple of ${out} channels`);
  const scale = new Float64Array(out);
  for (let c = 0; c < out; c++) scale[c] = bn.gamma[c]! / Math.sqrt(bn.movingVariance[c]! + bn.epsilon);
  const folded = new Float32Array(kernel.length);
  for (let i = 0; i < kernel.length; i++) folded[i] = kernel[i]! * scale[i % out]!;
  const b = new Float32Array(out);
  for (let c = 0; c < out; c++) b[c] = scale[c]! * ((bias ? bias[c]! : 0) - bn.movingMean[c]!) + bn.beta[c]!;
  return { kernel: folded, bias: b };
}
