/** @module @painkd/distill public exports: losses, metrics, cross-validation, training, experiments. */
export * from './errors.js';
export * from './cv/index.js';
export * from './data/index.js';
export * from './experiments/index.js';
export * from './losses/index.js';
export * from './metrics/index.js';
export * from './training/index.js';
export {
  comparePaired,
  correctedResampledTTest,
  minAttainablePValue,
  pairedTTest,
  signFlipPermutationTest,
  studentTCdf,
  studentTQuantile,
  studentTSf,
  studentTUpperQuantile,
  wilcoxonSignedRank,
  SIGN_FLIP_EXACT_LIMIT,
  WILCOXON_EXACT_LIMIT,
  type ComparePairedOptions,
  type ConfidenceInterval,
  type CorrectedTTestOptions,
  type CorrectedTTestResult,
  type PairedComparison,
  type PairedTTestOptions,
  type PairedVerdict,
  type SignFlipOptions,
  type SignFlipResult,
  type TTestResult,
  type WilcoxonResult,
} from './stats/index.js';
