/**
 * @module Registered nets (teacher-cnn, student-tiny, seed-conv1d) with seeded weights whose
 * batch-norm statistics are moved away from their initial identity, as after training, so that
 * folding and quantisation are exercised on realistic layer shapes.
 */
import { buildNetSpec, createNet } from '../../nets/index.js';
import type { NetSpec, NetWeights, WeightTensor } from '../../nets/net-spec.js';
import { mulberry32 } from '@painkd/signals';

/** Input and classes of the default nets: 5.5 s at 32 Hz, one GSR channel, five pain levels. */
export const DEFAULT_IO = { inputLength: 176, channels: 1, classes: 5 } as const;

/**
 * Replaces batch-norm gamma, beta and moving statistics with seeded values away from identity.
 *
 * @example
 * ```ts
 * net.setWeights(trainedLikeBatchNorm(net.getWeights(), 4));
 * ```
 */
export function trainedLikeBatchNorm(weights: NetWeights, seed: number): NetWeights {
  const rand = mulberry32(seed);
  const fills: Record<string, () => number> = {
    gamma: () => 0.5 + rand(),
    beta: () => rand() - 0.5,
    movingMean: () => (rand() - 0.5) * 0.5,
    movingVariance: () => 0.2 + rand(),
  };
  const out = new Map<string, WeightTensor>();
  for (const [key, w] of weights) {
    const fill = fills[key.split('/')[1] ?? ''];
    out.set(key, fill ? { shape: w.shape, data: Float32Array.from(w.data, () => fill()) } : w);
  }
  return out;
}

/**
 * A registered net's spec and weights (tfjs backend must be initialised).
 *
 * @example
 * ```ts
 * const { spec, weights } = registeredNet('student-tiny', 1);
 * ```
 */
export function registeredNet(arch: string, seed: number): { spec: NetSpec; weights: NetWeights } {
  const spec = buildNetSpec(arch, {}, DEFAULT_IO);
  const net = createNet(spec, { seed });
  const weights = trainedLikeBatchNorm(net.getWeights(), seed + 1000);
  net.dispose();
  return { spec, weights };
}
