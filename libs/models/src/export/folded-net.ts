/**
 * @module The inference graph every exporter starts from: a {@link NetSpec} with its weights, batch
 * norms that follow a conv1d or dense layer folded into it (float64 arithmetic), dropout dropped,
 * a flatten of an already flat tensor dropped, and every layer annotated with its input and
 * output shape. ONNX and TFLite are written from this one graph, so both files hold the same net.
 */
import { NetError } from '../nets/net-error.js';
import { inferShapes } from '../nets/net-shapes.js';
import type { LayerSpec, NetSpec, NetWeights, WeightTensor } from '../nets/net-spec.js';
import { conv1dGeometry } from '../ops/conv1d-geometry.js';
import { foldBatchNorm, type BatchNormParams } from './fold-batch-norm.js';

/** One layer of a {@link FoldedNet}. Sequences are `[length, channels]`, channels-last. */
export type FoldedLayer =
  | {
      readonly kind: 'conv1d';
      readonly name: string;
      /** tfjs layout `[kernelSize, inChannels, filters]`, batch norm folded in. */
      readonly kernel: Float32Array;
      readonly bias: Float32Array | null;
      readonly kernelSize: number;
      readonly stride: number;
      readonly padding: 'same' | 'valid';
      readonly inLength: number;
      readonly inChannels: number;
      readonly filters: number;
      readonly outLength: number;
      /** Zeros before / after the input (TensorFlow `SAME`: the odd one at the end). */
      readonly pads: readonly [number, number];
    }
  | {
      readonly kind: 'dense';
      readonly name: string;
      /** tfjs layout `[inUnits, units]`, batch norm folded in. */
      readonly kernel: Float32Array;
      readonly bias: Float32Array | null;
      readonly inUnits: number;
      readonly units: number;
    }
  | { readonly kind: 'batchNorm'; readonly name: string; readonly params: BatchNormParams; readonly channels: number }
  | { readonly kind: 'relu'; readonly name: string }
  | { readonly kind: 'maxPool1d' | 'avgPool1d'; readonly name: string; readonly poolSize: number; readonly stride: number; readonly inLength: number; readonly outLength: number; readonly channels: number }
  | { readonly kind: 'globalAvgPool1d'; readonly name: string; readonly inLength: number; readonly channels: number }
  | { readonly kind: 'flatten'; readonly name: string; readonly inLength: number; readonly channels: number };

/** A net ready for export. */
export interface FoldedNet {
  readonly spec: NetSpec;
  readonly layers: readonly FoldedLayer[];
  /** Index in `layers` of the logits layer (the last); its input is the `hidden` representation. */
  readonly logitsIndex: number;
}

/**
 * Folds a net for inference. Throws {@link NetError} `NET_BAD_SPEC` when the layers do not chain
 * (the last must be the logits dense layer) and `NET_BAD_WEIGHTS` when a weight is missing or has
 * the wrong shape, naming it.
 *
 * @example
 * ```ts
 * const folded = foldNet(spec, net.getWeights());
 * folded.layers.map((l) => l.kind); // ['conv1d', 'relu', 'maxPool1d', …, 'dense']
 * ```
 */
export function foldNet(spec: NetSpec, weights: NetWeights): FoldedNet {
  const shapes = inferShapes(spec);
  const layers: FoldedLayer[] = [];
  for (let i = 0; i < shapes.length; i++) {
    const { layer, inShape } = shapes[i]!;
    const next = shapes[i + 1]?.layer;
    const bn = next?.kind === 'batchNorm' && (layer.kind === 'conv1d' || layer.kind === 'dense') ? batchNormParams(next, weights) : null;
    if (bn) i++;
    switch (layer.kind) {
      case 'conv1d': {
        const [inLength, inChannels] = inShape as readonly [number, number];
        const kernel = weight(weights, `${layer.name}/kernel`, [layer.kernelSize, inChannels, layer.filters]).data;
        const bias = layer.useBias ? weight(weights, `${layer.name}/bias`, [layer.filters]).data : null;
        const folded = bn ? foldBatchNorm(kernel, bias, bn) : { kernel, bias };
        const g = conv1dGeometry(inLength, layer.kernelSize, layer.stride, layer.padding);
        layers.push({
          kind: 'conv1d', name: layer.name, kernel: folded.kernel, bias: folded.bias, kernelSize: layer.kernelSize, stride: layer.stride, padding: layer.padding,
          inLength, inChannels, filters: layer.filters, outLength: g.outLength, pads: [g.padLeft, g.padRight],
        });
        break;
      }
      case 'dense': {
        const inUnits = inShape[0];
        const kernel = weight(weights, `${layer.name}/kernel`, [inUnits, layer.units]).data;
        const bias = layer.useBias ? weight(weights, `${layer.name}/bias`, [layer.units]).data : null;
        const folded = bn ? foldBatchNorm(kernel, bias, bn) : { kernel, bias };
        layers.push({ kind: 'dense', name: layer.name, kernel: folded.kernel, bias: folded.bias, inUnits, units: layer.units });
        break;
      }
      case 'batchNorm': {
        const params = batchNormParams(layer, weights);
        const channels = inShape.length === 2 ? inShape[1] : inShape[0];
        if (params.gamma.length !== channels) throw new NetError('NET_BAD_WEIGHTS', `batch norm ${layer.name} has ${params.gamma.length} channels, its input has ${channels}`);
        layers.push({ kind: 'batchNorm', name: layer.name, params, channels });
        break;
      }
      case 'relu':
        layers.push({ kind: 'relu', name: layer.name });
        break;
      case 'maxPool1d':
      case 'avgPool1d': {
        const [inLength, channels] = inShape as readonly [number, number];
        layers.push({ kind: layer.kind, name: layer.name, poolSize: layer.poolSize, stride: layer.stride, inLength, outLength: shapes[i]!.outShape[0], channels });
        break;
      }
      case 'globalAvgPool1d':
      case 'flatten':
        if (inShape.length === 2) layers.push({ kind: layer.kind, name: layer.name, inLength: inShape[0], channels: inShape[1] });
        break;
      case 'dropout':
        break;
    }
  }
  return { spec, layers, logitsIndex: layers.length - 1 };
}

function batchNormParams(layer: LayerSpec, weights: NetWeights): BatchNormParams {
  const epsilon = layer.kind === 'batchNorm' ? layer.epsilon : 0;
  const gamma = weight(weights, `${layer.name}/gamma`, null);
  const channels = [gamma.data.length];
  return {
    gamma: gamma.data,
    beta: weight(weights, `${layer.name}/beta`, channels).data,
    movingMean: weight(weights, `${layer.name}/movingMean`, channels).data,
    movingVariance: weight(weights, `${layer.name}/movingVariance`, channels).data,
    epsilon,
  };
}

function weight(weights: NetWeights, key: string, shape: readonly number[] | null): WeightTensor {
  const w = weights.get(key);
  if (!w) throw new NetError('NET_BAD_WEIGHTS', `missing weight ${key}`);
  const count = w.shape.reduce((a, b) => a * b, 1);
  if (count !== w.data.length || (shape && (shape.length !== w.shape.length || shape.some((d, i) => d !== w.shape[i])))) {
    throw new NetError('NET_BAD_WEIGHTS', `weight ${key} has shape [${w.shape.join(', ')}] (${w.data.length} values), expected [${(shape ?? []).join(', ')}]`);
  }
  return w;
}
