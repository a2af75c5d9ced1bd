/**
 * @module The in-memory form of a TFLite model as painkd writes and reads it: one subgraph of
 * tensors and builtin operators, constant data inline on its tensor. `writeTflite` turns it into
 * FlatBuffer bytes and `readTflite` back, so the two are checked against each other.
 */
import type { TfliteBuiltin, TfliteTensorType } from './tflite-schema.js';

/** Affine quantisation of a tensor: `real = scale · (q − zeroPoint)`, per tensor or per channel. */
export interface TfliteQuantization {
  readonly scale: readonly number[];
  readonly zeroPoint: readonly number[];
  /** Axis the per-channel `scale`/`zeroPoint` run along (0 for per tensor). */
  readonly quantizedDimension: number;
}

/** One tensor; `data` (little-endian bytes) makes it a constant with its own buffer. */
export interface TfliteTensor {
  readonly name: string;
  readonly shape: readonly number[];
  readonly type: TfliteTensorType;
  readonly data?: Uint8Array;
  readonly quantization?: TfliteQuantization;
}

/** Builtin options of the operators painkd emits. */
export type TfliteOptions =
  | { readonly kind: 'conv2d'; readonly padding: 'SAME' | 'VALID'; readonly strideW: number; readonly strideH: number; readonly relu: boolean }
  | { readonly kind: 'pool2d'; readonly padding: 'SAME' | 'VALID'; readonly strideW: number; readonly strideH: number; readonly filterW: number; readonly filterH: number }
  | { readonly kind: 'fullyConnected'; readonly relu: boolean }
  | { readonly kind: 'reshape'; readonly newShape: readonly number[] }
  | { readonly kind: 'reducer'; readonly keepDims: boolean };

/** One operator: a builtin at an operator version, reading and writing tensor indices. */
export interface TfliteOperator {
  readonly op: TfliteBuiltin;
  readonly version: number;
  readonly inputs: readonly number[];
  readonly outputs: readonly number[];
  readonly options?: TfliteOptions;
}

/** A single-subgraph TFLite model. */
export interface TfliteGraph {
  readonly tensors: readonly TfliteTensor[];
  readonly inputs: readonly number[];
  readonly outputs: readonly number[];
  readonly operators: readonly TfliteOperator[];
  /** `Model.description` (painkd writes a JSON summary of the net). */
  readonly description: string;
  readonly name: string;
}
