/**
 * @module int8 quantisation parameters, the arithmetic a test can recompute by hand:
 * - activations: asymmetric per tensor, `scale = (max(hi,0) − min(lo,0)) / 255`,
 *   `zeroPoint = round(−128 − min(lo,0)/scale)` clamped to [−128, 127] (so 0 is exact and a
 *   post-ReLU tensor uses all 256 levels);
 * - weights: symmetric per output channel, `scale_c = max|w_c| / 127`, zero point 0, values
 *   `round(w/scale_c)` in [−127, 127] (restricted range, no −128, so the int8×int8 products cannot
 *   saturate the int16 pairwise sums some kernels use);
 * - bias: int32, `scale_c = inputScale·weightScale_c`, zero point 0.
 */

/** Scale and zero point of one per-tensor int8 quantisation. */
export interface ActivationQParams {
  readonly scale: number;
  readonly zeroPoint: number;
}

/** A per-channel quantised tensor. */
export interface PerChannelQuantized {
  readonly values: Int8Array;
  readonly scales: Float32Array;
}

/**
 * Asymmetric int8 parameters for a real range `[lo, hi]` (widened to include 0).
 *
 * @example
 * ```ts
 * activationQParams(0, 6); // { scale: 6/255, zeroPoint: -128 }
 * ```
 */
export function activationQParams(lo: number, hi: number): ActivationQParams {
  const rmin = Math.min(lo, 0);
  const rmax = Math.max(hi, 0);
  const scale = Math.fround(rmax - rmin > 1e-12 ? (rmax - rmin) / 255 : 1 / 255);
  const zeroPoint = Math.min(127, Math.max(-128, Math.round(-128 - rmin / scale)));
  return { scale, zeroPoint };
}

/**
 * Symmetric per-channel int8 quantisation of a row-major tensor along `axis`.
 *
 * @example
 * ```ts
 * const { values, scales } = quantizePerChannel(w, [out, inC, k], 0);
 * ```
 */
export function quantizePerChannel(data: ArrayLike<number>, shape: readonly number[], axis: number): PerChannelQuantized {
  const channels = shape[axis]!;
  const inner = shape.slice(axis + 1).reduce((a, b) => a * b, 1);
  const channelOf = (i: number): number => Math.floor(i / inner) % channels;
  const absMax = new Float64Array(channels);
  for (let i = 0; i < data.length; i++) absMax[channelOf(i)] = Math.max(absMax[channelOf(i)]!, Math.abs(data[i]!));
  const scales = new Float32Array(channels);
  for (let c = 0; c < channels; c++) scales[c] = absMax[c]! > 0 ? absMax[c]! / 127 : 1;
  const values = new Int8Array(data.length);
  for (let i = 0; i < data.length; i++) values[i] = Math.max(-127, Math.min(127, Math.round(data[i]! / scales[channelOf(i)]!)));
  return { values, scales };
}

/**
 * int32 bias quantisation with per-channel scale `inputScale·weightScales[c]`.
 *
 * @example
 * ```ts
 * const { values, scales } = quantizeBias(bias, x.scale, w.scales);
 * ```
 */
export function quantizeBias(bias: ArrayLike<number>, inputScale: number, weightScales: Float32Array): { values: Int32Array; scales: Float32Array } {
  const scales = new Float32Array(weightScales.length);
  const values = new Int32Array(weightScales.length);
  for (let c = 0; c < scales.length; c++) {
    scales[c] = inputScale * weightScales[c]!;
    values[c] = Math.max(-2147483648, Math.min(2147483647, Math.round(bias[c]! / scales[c]!)));
  }
  return { values, scales };
}
