/**
 * @module `student-tiny`: the edge student, ≤ 10k parameters so its int8 ONNX file fits in
 * 32 KB. Defaults: 3 blocks 16/24/32 filters, kernels 7/5/3, first stride 2, max-pool 2,
 * GAP, dropout 0.1, dense 32 + ReLU, logits: ≈ 5.7k parameters.
 */
import type { ArchBuild, NetIo } from '../arch-registry.js';
import { buildConvBnStack, type ConvBnStackConfig } from './conv-bn-stack.js';

/** Default config of `student-tiny`. */
export const STUDENT_TINY_DEFAULTS: ConvBnStackConfig = {
  filters: [16, 24, 32],
  kernelSizes: [7, 5, 3],
  firstStride: 2,
  poolSize: 2,
  hiddenUnits: 32,
  dropout: 0.1,
  bnMomentum: 0.99,
  bnEpsilon: 1e-3,
};

/** Builder of `student-tiny`. */
export function studentTiny(config: Readonly<Record<string, unknown>>, io: NetIo): ArchBuild {
  return buildConvBnStack('student-tiny', STUDENT_TINY_DEFAULTS, config, io);
}
