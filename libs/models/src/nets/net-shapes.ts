/** @module Shape inference and parameter counts of a {@link NetSpec}, without building tensors. */
import { conv1dGeometry } from '../ops/conv1d-geometry.js';
import { NetError } from './net-error.js';
import type { LayerSpec, NetSpec } from './net-spec.js';

/** The activation shape after a layer, without the batch dimension: `[length, channels]` or `[units]`. */
export type ActivationShape = readonly [number, number] | readonly [number];

/** One layer with the shapes around it and its parameter counts. */
export interface LayerShape {
  readonly layer: LayerSpec;
  readonly inShape: ActivationShape;
  readonly outShape: ActivationShape;
  /** Trained parameters (kernels, biases, BN gamma/beta). */
  readonly trainable: number;
  /** Stored statistics (BN moving mean/variance). */
  readonly nonTrainable: number;
}

function fail(layer: LayerSpec, message: string): never {
  throw new NetError('NET_BAD_SPEC', `layer "${layer.name}" (${layer.kind}): ${message}`);
}

function pooledLength(layer: LayerSpec, length: number, poolSize: number, stride: number): number {
  if (poolSize < 1 || stride < 1) fail(layer, 'poolSize and stride must be ≥ 1');
  const out = Math.floor((length - poolSize) / stride) + 1;
  if (out < 1) fail(layer, `input length ${length} is shorter than the pool (${poolSize})`);
  return out;
}

/**
 * Walks the layers of `spec`, returning each layer's input/output shape and parameter counts.
 * Throws `NET_BAD_SPEC` when a layer cannot apply (too short, wrong rank, last layer not dense).
 *
 * @example
 * const shapes = inferShapes(spec);
 * shapes.at(-1)?.outShape; // [classes]
 */
export function inferShapes(spec: NetSpec): LayerShape[] {
  let shape: ActivationShape = [spec.input.length, spec.input.channels];
  const out: LayerShape[] = [];
  const names = new Set<string>();
  for (const layer of spec.layers) {
    if (names.has(layer.name)) fail(layer, 'duplicate layer name');
    names.add(layer.name);
    const inShape: ActivationShape = shape;
    let trainable = 0;
    let nonTrainable = 0;
    const seq = (): [number, number] => (shape.length === 2 ? [shape[0], shape[1]] : fail(layer, 'needs a [length, channels] input'));
    switch (layer.kind) {
      case 'conv1d': {
        const [length, channels] = seq();
        if (layer.kernelSize < 1 || layer.stride < 1 || layer.filters < 1) fail(layer, 'kernelSize, stride and filters must be ≥ 1');
        const g = conv1dGeometry(length, layer.kernelSize, layer.stride, layer.padding);
        if (g.outLength < 1) fail(layer, `input length ${length} is shorter than the kernel (${layer.kernelSize})`);
        trainable = layer.kernelSize * channels * layer.filters + (layer.useBias ? layer.filters : 0);
        shape = [g.outLength, layer.filters];
        break;
      }
      case 'batchNorm': {
        const channels = shape.length === 2 ? shape[1] : shape[0];
        trainable = 2 * channels;
        nonTrainable = 2 * channels;
        break;
      }
      case 'relu':
      case 'dropout':
        break;
      case 'maxPool1d':
      case 'avgPool1d': {
        const [length, channels] = seq();
        shape = [pooledLength(layer, length, layer.poolSize, layer.stride), channels];
        break;
      }
      case 'globalAvgPool1d':
        shape = [seq()[1]];
        break;
      case 'flatten':
        shape = shape.length === 2 ? [shape[0] * shape[1]] : shape;
        break;
      case 'dense': {
        if (shape.length !== 1) fail(layer, 'needs a flat [units] input (add flatten or globalAvgPool1d)');
        if (layer.units < 1) fail(layer, 'units must be ≥ 1');
        trainable = shape[0] * layer.units + (layer.useBias ? layer.units : 0);
        shape = [layer.units];
        break;
      }
    }
    out.push({ layer, inShape, outShape: shape, trainable, nonTrainable });
  }
  const last = spec.layers.at(-1);
  if (!last || last.kind !== 'dense' || last.units !== spec.classes) {
    throw new NetError('NET_BAD_SPEC', `the last layer must be a dense layer with ${spec.classes} units (the logits)`);
  }
  return out;
}

/** Parameter counts of a spec. */
export interface ParamCount {
  /** Trained parameters (what PyTorch's `sum(p.numel() for p in parameters())` counts). */
  readonly trainable: number;
  /** BN moving statistics. */
  readonly nonTrainable: number;
  readonly total: number;
}

/**
 * Counts a spec's parameters.
 *
 * @example
 * countParams(buildNetSpec('student-tiny', {}, io)).trainable; // ≤ 10_000
 */
export function countParams(spec: NetSpec): ParamCount {
  let trainable = 0;
  let nonTrainable = 0;
  for (const s of inferShapes(spec)) {
    trainable += s.trainable;
    nonTrainable += s.nonTrainable;
  }
  return { trainable, nonTrainable, total: trainable + nonTrainable };
}

/** Size of `hidden`, the input of the final (logits) dense layer. */
export function hiddenSizeOf(spec: NetSpec): number {
  const shapes = inferShapes(spec);
  const last = shapes.at(-1)!;
  return last.inShape[0];
}
