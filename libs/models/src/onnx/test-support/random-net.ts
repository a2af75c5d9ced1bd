/**
 * @module Test nets: small {@link NetSpec}s covering every layer kind, random (seeded) weights in
 * the tfjs layout, and windows that look like preprocessed GSR (slow drift, phasic peaks, noise).
 */
import type { LayerSpec, NetSpec, NetWeights, WeightTensor } from '../../nets/net-spec.js';
import { mulberry32 } from '@painkd/signals';

/** Builds a spec from layers for a `[length, channels]` input. */
export function testSpec(layers: readonly LayerSpec[], input = { length: 64, channels: 1 }, classes = 5): NetSpec {
  return { arch: 'test-net', config: { layers: layers.length }, input, classes, layers };
}

/**
 * Random weights for every parameter of a spec (Glorot-like scale, batch-norm statistics away from
 * identity so folding is exercised).
 */
export function randomWeights(spec: NetSpec, seed: number): NetWeights {
  const rand = mulberry32(seed);
  const weights = new Map<string, WeightTensor>();
  const put = (key: string, shape: number[], fill: (i: number) => number): void => {
    const data = new Float32Array(shape.reduce((a, b) => a * b, 1));
    for (let i = 0; i < data.length; i++) data[i] = fill(i);
    weights.set(key, { shape, data });
  };
  let channels = spec.input.channels;
  let length = spec.input.length;
  let flat = 0;
  for (const layer of spec.layers) {
    switch (layer.kind) {
      case 'conv1d': {
        const limit = Math.sqrt(6 / (layer.kernelSize * (channels + layer.filters)));
        put(`${layer.name}/kernel`, [layer.kernelSize, channels, layer.filters], () => (rand() * 2 - 1) * limit);
        if (layer.useBias) put(`${layer.name}/bias`, [layer.filters], () => (rand() - 0.5) * 0.2);
        channels = layer.filters;
        length = layer.padding === 'same' ? Math.ceil(length / layer.stride) : Math.floor((length - layer.kernelSize) / layer.stride) + 1;
        break;
      }
      case 'batchNorm': {
        const c = flat || channels;
        put(`${layer.name}/gamma`, [c], () => 0.5 + rand());
        put(`${layer.name}/beta`, [c], () => (rand() - 0.5) * 0.4);
        put(`${layer.name}/movingMean`, [c], () => (rand() - 0.5) * 0.4);
        put(`${layer.name}/movingVariance`, [c], () => 0.3 + rand());
        break;
      }
      case 'maxPool1d':
      case 'avgPool1d':
        length = Math.floor((length - layer.poolSize) / layer.stride) + 1;
        break;
      case 'globalAvgPool1d':
        flat = channels;
        break;
      case 'flatten':
        if (!flat) flat = channels * length;
        break;
      case 'dense': {
        const inUnits = flat || channels;
        const limit = Math.sqrt(6 / (inUnits + layer.units));
        put(`${layer.name}/kernel`, [inUnits, layer.units], () => (rand() * 2 - 1) * limit);
        if (layer.useBias) put(`${layer.name}/bias`, [layer.units], () => (rand() - 0.5) * 0.2);
        flat = layer.units;
        break;
      }
      case 'relu':
      case 'dropout':
        break;
    }
  }
  return weights;
}

/**
 * `count` windows `[length, channels]` packed into one array: half uniform noise in [-1, 1], half
 * GSR-like (a slow drift plus one or two skin-conductance responses and a little noise).
 */
export function testWindows(count: number, length: number, channels: number, seed: number): Float32Array {
  const rand = mulberry32(seed);
  const out = new Float32Array(count * length * channels);
  for (let w = 0; w < count; w++) {
    const gsrLike = w % 2 === 1;
    const drift = (rand() - 0.5) * 2;
    const peak = rand() * length;
    const amp = rand() * 2;
    for (let t = 0; t < length; t++) {
      for (let c = 0; c < channels; c++) {
        const i = (w * length + t) * channels + c;
        if (!gsrLike) {
          out[i] = rand() * 2 - 1;
          continue;
        }
        const dt = t - peak;
        const scr = dt > 0 ? amp * (Math.exp(-dt / (0.3 * length)) - Math.exp(-dt / (0.05 * length))) : 0;
        out[i] = drift * (t / length - 0.5) + scr + (rand() - 0.5) * 0.05;
      }
    }
  }
  return out;
}
