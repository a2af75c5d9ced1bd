/** @module Test helper: the SciPy golden values in fixtures/stats-fixtures.json, typed. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** A t-test case: scipy.stats.ttest_rel (paired) or the fixture script's corrected t-test. */
interface TTestFixture {
  readonly level: number;
  readonly statistic: number;
  readonly pValue: number;
  readonly df: number;
  readonly ciLow: number;
  readonly ciHigh: number;
}

/** Everything fixtures/make_stats_fixtures.py writes. */
export interface StatsFixtures {
  readonly scipy: string;
  readonly logGamma: readonly { x: number; value: number }[];
  readonly incompleteBeta: readonly { a: number; b: number; x: number; value: number }[];
  readonly normalSf: readonly { z: number; sf: number }[];
  readonly studentT: readonly { df: number; t: number; cdf: number; sf: number }[];
  readonly studentTQuantile: readonly { df: number; p: number; t: number; scipyPpf: number }[];
  readonly pairedT: readonly (TTestFixture & { a: number[]; b: number[]; scipyCiLow: number; scipyCiHigh: number })[];
  readonly correctedT: readonly (TTestFixture & { differences: number[]; testTrainRatio: number })[];
  readonly wilcoxon: readonly {
    label: string;
    d: number[];
    statistic: number;
    pValue: number;
    n: number;
    method: 'exact' | 'approx';
    scipyCall: string;
  }[];
  readonly signFlip: readonly { label: string; d: number[]; pValue: number; method: 'exact' | 'monte-carlo' }[];
}

const path = fileURLToPath(new URL('../../fixtures/stats-fixtures.json', import.meta.url));

/** The golden statistics, parsed once per test file. */
export const statsFixtures = JSON.parse(readFileSync(path, 'utf8')) as StatsFixtures;

/** |actual − golden| / |golden| (absolute when golden is 0). */
export function relativeError(actual: number, golden: number): number {
  if (actual === golden) return 0;
  return Math.abs(actual - golden) / (golden === 0 ? 1 : Math.abs(golden));
}
