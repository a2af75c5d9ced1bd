/** @module Public exports of the paired-statistics part of @painkd/distill. */
export { comparePaired, type ComparePairedOptions, type PairedComparison, type PairedVerdict } from './compare-paired.js';
export { correctedResampledTTest, type CorrectedTTestOptions, type CorrectedTTestResult } from './corrected-t-test.js';
export type { ConfidenceInterval, TTestResult } from './mean-difference-t.js';
export { minAttainablePValue } from './min-attainable-p-value.js';
export { pairedTTest, type PairedTTestOptions } from './paired-t-test.js';
export { signFlipPermutationTest, SIGN_FLIP_EXACT_LIMIT, type SignFlipOptions, type SignFlipResult } from './sign-flip-test.js';
export { studentTCdf, studentTSf } from './student-t.js';
export { studentTQuantile, studentTUpperQuantile } from './student-t-quantile.js';
export { wilcoxonSignedRank, WILCOXON_EXACT_LIMIT, type WilcoxonResult } from './wilcoxon-signed-rank.js';
