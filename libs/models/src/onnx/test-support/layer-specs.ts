/** @module Short constructors of {@link LayerSpec}s for the exporters' layer-by-layer test nets. */
import type { LayerSpec } from '../../nets/net-spec.js';

/**
 * A conv1d layer (default stride 1, `same`, with bias).
 *
 * @example
 * ```ts
 * conv('c1', 8, 5, 2, 'valid', false);
 * ```
 */
export const conv = (name: string, filters: number, kernelSize: number, stride = 1, padding: 'same' | 'valid' = 'same', useBias = true): LayerSpec => ({
  kind: 'conv1d', name, filters, kernelSize, stride, padding, useBias,
});

/** A batch norm (ε 1e-3, momentum 0.99). @example bn('bn1') */
export const bn = (name: string): LayerSpec => ({ kind: 'batchNorm', name, epsilon: 1e-3, momentum: 0.99 });

/** A ReLU. @example relu('r1') */
export const relu = (name: string): LayerSpec => ({ kind: 'relu', name });

/** A dense layer (with bias by default). @example dense('out', 5) */
export const dense = (name: string, units: number, useBias = true): LayerSpec => ({ kind: 'dense', name, units, useBias });
