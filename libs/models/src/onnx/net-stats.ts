/**
 * @module Size and cost of a {@link NetSpec}: parameters (every weight tensor, as Keras counts
 * them, batch-norm statistics included) and multiply-accumulates per window (conv and dense layers;
 * folded batch norms, pools and ReLUs are not MACs).
 */
import type { NetSpec } from '../nets/net-spec.js';
import { inferShapes } from '../nets/net-shapes.js';

/** Parameters and MACs of a net. */
export interface NetStats {
  readonly params: number;
  readonly macsPerWindow: number;
}

/**
 * Counts parameters and per-window MACs of a spec.
 *
 * @example
 * ```ts
 * const { params, macsPerWindow } = netStats(buildNetSpec('student-tiny'));
 * ```
 */
export function netStats(spec: NetSpec): NetStats {
  let params = 0;
  let macs = 0;
  for (const { layer, inShape, outShape, trainable, nonTrainable } of inferShapes(spec)) {
    params += trainable + nonTrainable;
    if (layer.kind === 'conv1d') macs += outShape[0] * layer.kernelSize * (inShape[1] ?? 0) * layer.filters;
    else if (layer.kind === 'dense') macs += inShape[0] * layer.units;
  }
  return { params, macsPerWindow: macs };
}
