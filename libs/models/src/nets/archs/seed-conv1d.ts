/**
 * @module `seed-conv1d`: the seed notebook's `Conv1D_model`, for comparison — conv(32, k5, s2)
 * → ReLU → max-pool 2 → conv(64, k5) → ReLU → max-pool 2 → flatten → dense 512 → logits, all
 * 'valid' with biases, no batch-norm — with the ReLU after the first dense layer that the seed
 * declared but never applied. At L = 176 the flattened size is 19 × 64 = 1216 (≈ 626k parameters).
 */
import { readArchConfig, requireInt } from '../arch-config.js';
import { NetError } from '../net-error.js';
import type { ArchBuild, NetIo } from '../arch-registry.js';
import type { LayerSpec } from '../net-spec.js';

/** Config of `seed-conv1d`. */
export interface SeedConv1dConfig extends Record<string, number | readonly number[]> {
  readonly filters: readonly number[];
  readonly kernelSize: number;
  readonly firstStride: number;
  readonly poolSize: number;
  readonly hiddenUnits: number;
}

/** Default config of `seed-conv1d` (the seed's values). */
export const SEED_CONV1D_DEFAULTS: SeedConv1dConfig = { filters: [32, 64], kernelSize: 5, firstStride: 2, poolSize: 2, hiddenUnits: 512 };

/** Builder of `seed-conv1d`. */
export function seedConv1d(config: Readonly<Record<string, unknown>>, io: NetIo): ArchBuild {
  const arch = 'seed-conv1d';
  const c = readArchConfig(arch, SEED_CONV1D_DEFAULTS, config);
  c.filters.forEach((f, i) => requireInt(arch, `filters[${i}]`, f, 1));
  requireInt(arch, 'kernelSize', c.kernelSize, 1);
  requireInt(arch, 'firstStride', c.firstStride, 1);
  requireInt(arch, 'poolSize', c.poolSize, 1);
  requireInt(arch, 'hiddenUnits', c.hiddenUnits, 1);
  if (c.filters.length < 1) throw new NetError('NET_BAD_CONFIG', `${arch}: needs at least one conv block`);
  const layers: LayerSpec[] = [];
  c.filters.forEach((filters, i) => {
    const n = i + 1;
    layers.push({ kind: 'conv1d', name: `conv${n}`, filters, kernelSize: c.kernelSize, stride: i === 0 ? c.firstStride : 1, padding: 'valid', useBias: true });
    layers.push({ kind: 'relu', name: `relu${n}` });
    if (c.poolSize > 1) layers.push({ kind: 'maxPool1d', name: `pool${n}`, poolSize: c.poolSize, stride: c.poolSize });
  });
  layers.push({ kind: 'flatten', name: 'flatten' });
  layers.push({ kind: 'dense', name: 'fc1', units: c.hiddenUnits, useBias: true });
  layers.push({ kind: 'relu', name: 'fc1_relu' });
  layers.push({ kind: 'dense', name: 'logits', units: io.classes, useBias: true });
  return { config: c, layers };
}
