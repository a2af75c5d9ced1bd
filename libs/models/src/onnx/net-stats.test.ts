import { describe, expect, it } from 'vitest';
import type { NetSpec } from '../nets/net-spec.js';
import { netStats } from './net-stats.js';

describe('netStats', () => {
  it('counts every weight and the MACs of conv and dense layers, by hand on a small net', () => {
    const spec: NetSpec = {
      arch: 'hand',
      config: {},
      input: { length: 10, channels: 2 },
      classes: 3,
      layers: [
        { kind: 'conv1d', name: 'c', filters: 4, kernelSize: 3, stride: 1, padding: 'valid', useBias: true },
        { kind: 'batchNorm', name: 'bn', epsilon: 1e-3, momentum: 0.9 },
        { kind: 'relu', name: 'r' },
        { kind: 'maxPool1d', name: 'p', poolSize: 2, stride: 2 },
        { kind: 'flatten', name: 'f' },
        { kind: 'dense', name: 'logits', units: 3, useBias: true },
      ],
    };
    // conv: 3·2·4 + 4 = 28 params, output length 8 → 8·3·2·4 = 192 MACs; BN: 4·4 = 16;
    // pool → length 4, flatten 16 → dense 16·3 + 3 = 51 params, 48 MACs.
    expect(netStats(spec)).toEqual({ params: 28 + 16 + 51, macsPerWindow: 192 + 48 });
  });
});
