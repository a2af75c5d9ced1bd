/**
 * @module The conv → batch-norm → ReLU → max-pool stack shared by `teacher-cnn` and
 * `student-tiny`: blocks of 'same' 1-D convolutions (the first may stride), global average
 * pooling, dropout, one hidden dense layer with ReLU, and the logits layer.
 */
import { readArchConfig, requireInt } from '../arch-config.js';
import { NetError } from '../net-error.js';
import type { ArchBuild, NetIo } from '../arch-registry.js';
import type { LayerSpec } from '../net-spec.js';

/** Config of a conv-BN stack (every field JSON, every field tunable). */
export interface ConvBnStackConfig extends Record<string, number | readonly number[]> {
  /** Filters per conv block; one block per entry. */
  readonly filters: readonly number[];
  /** Kernel size per conv block (same length as `filters`). */
  readonly kernelSizes: readonly number[];
  /** Stride of the first convolution (GSR is slow: early downsampling loses nothing). */
  readonly firstStride: number;
  /** Max-pool size (= stride) after every block but the last; 1 disables pooling. */
  readonly poolSize: number;
  /** Units of the hidden dense layer (0: none, `hidden` is then the pooled features). */
  readonly hiddenUnits: number;
  /** Dropout rate before the hidden dense layer (0: none). */
  readonly dropout: number;
  /** BN momentum, Keras convention: moving = momentum · moving + (1 − momentum) · batch. */
  readonly bnMomentum: number;
  readonly bnEpsilon: number;
}

/** Builds the layers of a conv-BN stack from a partial config over `defaults`. */
export function buildConvBnStack(arch: string, defaults: ConvBnStackConfig, given: Readonly<Record<string, unknown>>, io: NetIo): ArchBuild {
  const c = readArchConfig(arch, defaults, given);
  if (c.kernelSizes.length !== c.filters.length) throw new NetError('NET_BAD_CONFIG', `${arch}: kernelSizes must have one entry per filters entry`);
  c.filters.forEach((f, i) => requireInt(arch, `filters[${i}]`, f, 1));
  c.kernelSizes.forEach((k, i) => requireInt(arch, `kernelSizes[${i}]`, k, 1));
  requireInt(arch, 'firstStride', c.firstStride, 1);
  requireInt(arch, 'poolSize', c.poolSize, 1);
  requireInt(arch, 'hiddenUnits', c.hiddenUnits, 0);
  if (c.dropout >= 1) throw new NetError('NET_BAD_CONFIG', `${arch}: dropout must be in [0, 1)`);
  if (c.bnMomentum >= 1 || c.bnEpsilon <= 0) throw new NetError('NET_BAD_CONFIG', `${arch}: bnMomentum must be in [0, 1) and bnEpsilon > 0`);
  const layers: LayerSpec[] = [];
  c.filters.forEach((filters, i) => {
    const n = i + 1;
    layers.push({ kind: 'conv1d', name: `conv${n}`, filters, kernelSize: c.kernelSizes[i]!, stride: i === 0 ? c.firstStride : 1, padding: 'same', useBias: false });
    layers.push({ kind: 'batchNorm', name: `bn${n}`, epsilon: c.bnEpsilon, momentum: c.bnMomentum });
    layers.push({ kind: 'relu', name: `relu${n}` });
    if (i < c.filters.length - 1 && c.poolSize > 1) layers.push({ kind: 'maxPool1d', name: `pool${n}`, poolSize: c.poolSize, stride: c.poolSize });
  });
  layers.push({ kind: 'globalAvgPool1d', name: 'gap' });
  if (c.dropout > 0) layers.push({ kind: 'dropout', name: 'dropout', rate: c.dropout });
  if (c.hiddenUnits > 0) {
    layers.push({ kind: 'dense', name: 'fc1', units: c.hiddenUnits, useBias: true });
    layers.push({ kind: 'relu', name: 'fc1_relu' });
  }
  layers.push({ kind: 'dense', name: 'logits', units: io.classes, useBias: true });
  return { config: c, layers };
}
