/**
 * @module The declarative description of a network: the one source both the tfjs model and the
 * ONNX exporter are built from, so an exported file is provably the net that was trained.
 *
 * Conventions (shared by every consumer):
 * - tensors are channels-last: input `[batch, length, channels]` (tfjs NWC);
 * - conv1d kernels are `[kernelSize, inChannels, filters]`, dense kernels `[inUnits, units]`;
 * - weights are keyed `<layerName>/<param>`: `kernel`, `bias` (conv1d, dense);
 *   `gamma`, `beta`, `movingMean`, `movingVariance` (batchNorm);
 * - the last layer is a `dense` layer producing the class logits; `hidden` is that layer's input,
 *   the representation entering the classifier.
 */

/** One layer of a {@link NetSpec}. */
export type LayerSpec =
  | {
      kind: 'conv1d';
      name: string;
      filters: number;
      kernelSize: number;
      stride: number;
      padding: 'same' | 'valid';
      useBias: boolean;
    }
  | { kind: 'batchNorm'; name: string; epsilon: number; momentum: number }
  | { kind: 'relu'; name: string }
  | { kind: 'maxPool1d'; name: string; poolSize: number; stride: number }
  | { kind: 'avgPool1d'; name: string; poolSize: number; stride: number }
  | { kind: 'globalAvgPool1d'; name: string }
  | { kind: 'flatten'; name: string }
  | { kind: 'dropout'; name: string; rate: number }
  | { kind: 'dense'; name: string; units: number; useBias: boolean };

/** A whole network: its registered architecture name, the config it was built from, its layers. */
export interface NetSpec {
  /** Registered architecture name, e.g. `teacher-cnn`, `student-tiny`, `seed-conv1d`. */
  readonly arch: string;
  /** The JSON-serialisable config the architecture was built from (same arch + config → same spec). */
  readonly config: Readonly<Record<string, unknown>>;
  /** Input shape without the batch dimension. */
  readonly input: { readonly length: number; readonly channels: number };
  /** Number of classes (logits). */
  readonly classes: number;
  readonly layers: readonly LayerSpec[];
}

/** One named weight tensor, row-major. */
export interface WeightTensor {
  readonly shape: readonly number[];
  readonly data: Float32Array;
}

/** All weights of a net, keyed `<layerName>/<param>`. */
export type NetWeights = ReadonlyMap<string, WeightTensor>;
