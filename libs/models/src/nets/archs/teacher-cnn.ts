/**
 * @module `teacher-cnn`: the 1-D CNN teacher, sized for GSR at 32 Hz (L = 176, 5.5 s).
 * Defaults: 4 blocks 32/64/128/128 filters, kernels 7/5/5/3, first stride 2 and max-pool 2
 * (176 → 88 → 44 → 22 → 11 samples, a receptive field of several seconds — the scale of a skin
 * conductance response), GAP, dropout 0.3, dense 128 + ReLU, logits: ≈ 118k parameters.
 */
import type { ArchBuild, NetIo } from '../arch-registry.js';
import { buildConvBnStack, type ConvBnStackConfig } from './conv-bn-stack.js';

/** Default config of `teacher-cnn`. */
export const TEACHER_CNN_DEFAULTS: ConvBnStackConfig = {
  filters: [32, 64, 128, 128],
  kernelSizes: [7, 5, 5, 3],
  firstStride: 2,
  poolSize: 2,
  hiddenUnits: 128,
  dropout: 0.3,
  bnMomentum: 0.99,
  bnEpsilon: 1e-3,
};

/** Builder of `teacher-cnn`. */
export function teacherCnn(config: Readonly<Record<string, unknown>>, io: NetIo): ArchBuild {
  return buildConvBnStack('teacher-cnn', TEACHER_CNN_DEFAULTS, config, io);
}
