/**
 * @module Size and cost of a {@link NetSpec}: parameters (every weight tensor, as Keras counts
 * them, batch-norm statistics included) and multiply-accumulates per window (conv and dense layers;
 * folded batch norms, pools and ReLUs are not MACs).
 */
import type { NetSpec } from '../nets/net-spec.js';

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
  let channels = spec.input.channels;
  let length = spec.input.length;
  let flat = 0;
  let params = 0;
  let macs = 0;
  for (const layer of spec.layers) {
    switch (layer.kind) {
      case 'conv1d': {
        const outLength = layer.padding === 'same' ? Math.ceil(length / layer.stride) : Math.floor((length - layer.kernelSize) / layer.stride) + 1;
        params += layer.kernelSize * channels * layer.filters + (layer.useBias ? layer.filters : 0);
        macs += outLength * layer.kernelSize * channels * layer.filters;
        channels = layer.filters;
        length = outLength;
        break;
      }
      case 'batchNorm':
        params += 4 * (flat || channels);
        break;
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
        params += inUnits * layer.units + (layer.useBias ? layer.units : 0);
        macs += inUnits * layer.units;
        flat = layer.units;
        break;
      }
      case 'relu':
      case 'dropout':
        break;
    }
  }
  return { params, macsPerWindow: macs };
}
