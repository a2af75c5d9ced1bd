/**
 * @module One paired comparison of a method against a baseline on the same (repeat, fold) splits:
 * every test in this folder, and a deliberately conservative verdict a report can quote.
 */
import { correctedResampledTTest, type CorrectedTTestResult } from './corrected-t-test.js';
import type { TTestResult } from './mean-difference-t.js';
import { minAttainablePValue } from './min-attainable-p-value.js';
import { pairedTTest } from './paired-t-test.js';
import { checkOpenUnit, pairedDifferences } from './sample.js';
import { signFlipPermutationTest, type SignFlipOptions, type SignFlipResult } from './sign-flip-test.js';
import { wilcoxonSignedRank, type WilcoxonResult } from './wilcoxon-signed-rank.js';

/** What the numbers support about method versus baseline. */
export type PairedVerdict = 'no detectable difference' | 'better' | 'worse';

/** Options of {@link comparePaired}. */
export interface ComparePairedOptions {
  /** n_test / n_train of one fold, for the corrected t-test (1/(k − 1) for plain k-fold). */
  readonly testTrainRatio: number;
  /** Significance level; the intervals have coverage 1 − alpha. Default 0.05. */
  readonly alpha?: number;
  /** Whether a larger score is better (accuracy, F1: true; MAE: false). Default true. */
  readonly higherIsBetter?: boolean;
  /** Options of the sign-flip test (exact limit, Monte Carlo resamples and seed). */
  readonly signFlip?: SignFlipOptions;
}

/** Everything a report prints about one method versus its baseline. */
export interface PairedComparison {
  /** Number of (repeat, fold) pairs. */
  readonly n: number;
  /** Mean of method − baseline. */
  readonly meanDifference: number;
  /** Sample standard deviation of method − baseline. */
  readonly sd: number;
  readonly alpha: number;
  readonly higherIsBetter: boolean;
  /** Plain paired t-test; its CI is over-confident across folds and repeats (reported, not used). */
  readonly plain: TTestResult;
  /** Corrected resampled t-test; its CI is the one the verdict uses. */
  readonly corrected: CorrectedTTestResult;
  readonly wilcoxon: WilcoxonResult;
  readonly signFlip: SignFlipResult;
  /** Smallest p an exact test can give with this many non-zero differences. */
  readonly minAttainablePValue: number;
  readonly verdict: PairedVerdict;
  /** One sentence saying why, e.g. that 5 folds cannot reach p < 0.05. */
  readonly reason: string;
}

/**
 * Compares per-(repeat, fold) scores of a method with those of a baseline trained on the same
 * splits (same order in both arrays), e.g. a KD student against the cross-entropy student.
 *
 * Verdict rule: 'better' or 'worse' only when ALL of these hold, else 'no detectable difference':
 * 1. the corrected resampled t-test's (1 − alpha) interval excludes 0;
 * 2. the Wilcoxon signed-rank p < alpha, with the rank sums leaning the same way as the mean;
 * 3. the sign-flip permutation p < alpha.
 * The direction is the sign of the mean difference, turned around when `higherIsBetter` is false.
 * The rank and permutation tests treat the pairs as independent, which repeated folds are not;
 * they are required in addition to the corrected interval (they guard its normality assumption),
 * never instead of it. With n non-zero differences no exact test goes below 2/2^n
 * ({@link minAttainablePValue}): 5 folds can never yield a difference at alpha = 0.05.
 *
 * @example
 * const c = comparePaired(kdAccuracies, ceAccuracies, { testTrainRatio: 1 / 4 });
 * c.verdict; // 'no detectable difference'
 * c.reason; // '5 non-zero paired differences: no exact test can reach p < 0.05 (smallest possible p 0.0625); add folds or repeats'
 */
export function comparePaired(method: ArrayLike<number>, baseline: ArrayLike<number>, options: ComparePairedOptions): PairedComparison {
  const alpha = options.alpha ?? 0.05;
  const higherIsBetter = options.higherIsBetter ?? true;
  checkOpenUnit(alpha, 'alpha');
  const d = pairedDifferences(method, baseline);
  const level = 1 - alpha;
  const plain = pairedTTest(method, baseline, { level });
  const corrected = correctedResampledTTest(d, { testTrainRatio: options.testTrainRatio, level });
  const wilcoxon = wilcoxonSignedRank(d);
  const signFlip = signFlipPermutationTest(d, options.signFlip);
  const floor = minAttainablePValue(wilcoxon.n);
  const tests = { alpha, corrected, wilcoxon, signFlip, floor };
  const direction = corrected.ci.lower > 0 ? 1 : corrected.ci.upper < 0 ? -1 : 0;
  const failure = firstFailure(tests, direction);
  const verdict: PairedVerdict = failure !== undefined ? 'no detectable difference' : direction > 0 === higherIsBetter ? 'better' : 'worse';
  return {
    n: d.length,
    meanDifference: plain.meanDifference,
    sd: plain.sd,
    alpha,
    higherIsBetter,
    plain,
    corrected,
    wilcoxon,
    signFlip,
    minAttainablePValue: floor,
    verdict,
    reason:
      failure ??
      `the corrected ${percent(level)} CI ${interval(corrected)} excludes 0, and Wilcoxon p = ${num(wilcoxon.pValue)} and sign-flip p = ${num(signFlip.pValue)} are below ${alpha}`,
  };
}

interface Tests {
  readonly alpha: number;
  readonly corrected: CorrectedTTestResult;
  readonly wilcoxon: WilcoxonResult;
  readonly signFlip: SignFlipResult;
  readonly floor: number;
}

/** The first rule of the verdict that fails, as a sentence; undefined when all hold. */
function firstFailure({ alpha, corrected, wilcoxon, signFlip, floor }: Tests, direction: number): string | undefined {
  if (floor >= alpha) {
    return `${wilcoxon.n} non-zero paired differences: no exact test can reach p < ${alpha} (smallest possible p ${num(floor)}); add folds or repeats`;
  }
  if (direction === 0) return `the corrected ${percent(corrected.ci.level)} CI ${interval(corrected)} includes 0`;
  if (Math.sign(wilcoxon.rankSumPositive - wilcoxon.rankSumNegative) !== direction) return 'the signed ranks lean the other way from the mean difference';
  if (wilcoxon.pValue >= alpha) return `Wilcoxon p = ${num(wilcoxon.pValue)} is not below ${alpha}`;
  if (signFlip.pValue >= alpha) return `sign-flip p = ${num(signFlip.pValue)} is not below ${alpha}`;
  return undefined;
}

function num(x: number): string {
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  return String(Number(x.toPrecision(3)));
}

function percent(level: number): string {
  return `${Number((level * 100).toPrecision(4))} %`;
}

function interval(t: CorrectedTTestResult): string {
  return `[${num(t.ci.lower)}, ${num(t.ci.upper)}]`;
}
