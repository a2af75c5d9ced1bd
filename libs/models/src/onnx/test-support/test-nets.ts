/**
 * @module Student- and teacher-shaped test specs (176-sample GSR windows, 5 classes) used until
 * and alongside the registered nets: a ≤ 10k-parameter student and a ~100k-parameter teacher.
 */
import type { LayerSpec, NetSpec } from '../../nets/net-spec.js';
import { bn, conv as convLayer, relu } from './layer-specs.js';
import { testSpec } from './random-net.js';

/** A bias-free `same` conv (a batch norm follows every one). */
const conv = (name: string, filters: number, kernelSize: number, stride = 1): LayerSpec => convLayer(name, filters, kernelSize, stride, 'same', false);

/** A student-shaped net: 3 conv blocks, global pooling, one hidden dense layer (~6k parameters). */
export function studentLikeSpec(): NetSpec {
  return testSpec(
    [
      conv('c1', 8, 7, 2), bn('bn1'), relu('r1'), { kind: 'maxPool1d', name: 'p1', poolSize: 2, stride: 2 },
      conv('c2', 16, 5), bn('bn2'), relu('r2'), { kind: 'maxPool1d', name: 'p2', poolSize: 2, stride: 2 },
      conv('c3', 24, 5), bn('bn3'), relu('r3'), { kind: 'globalAvgPool1d', name: 'gap' },
      { kind: 'dense', name: 'd1', units: 24, useBias: true }, relu('r4'), { kind: 'dropout', name: 'drop', rate: 0.3 },
      { kind: 'dense', name: 'logits', units: 5, useBias: true },
    ],
    { length: 176, channels: 1 },
  );
}

/** A teacher-shaped net: 4 conv blocks up to 96 filters, a flattening head (~150k parameters). */
export function teacherLikeSpec(): NetSpec {
  return testSpec(
    [
      conv('c1', 32, 9), bn('bn1'), relu('r1'), { kind: 'maxPool1d', name: 'p1', poolSize: 2, stride: 2 },
      conv('c2', 64, 7), bn('bn2'), relu('r2'), { kind: 'maxPool1d', name: 'p2', poolSize: 2, stride: 2 },
      conv('c3', 96, 5), bn('bn3'), relu('r3'), { kind: 'avgPool1d', name: 'p3', poolSize: 2, stride: 2 },
      conv('c4', 96, 3), bn('bn4'), relu('r4'), { kind: 'maxPool1d', name: 'p4', poolSize: 2, stride: 2 },
      { kind: 'flatten', name: 'flat' },
      { kind: 'dense', name: 'd1', units: 64, useBias: true }, relu('r5'), { kind: 'dropout', name: 'drop', rate: 0.5 },
      { kind: 'dense', name: 'logits', units: 5, useBias: true },
    ],
    { length: 176, channels: 1 },
  );
}
