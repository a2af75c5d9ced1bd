/** @module Subject-grouped k-fold and leave-one-subject-out splits with a validation split per fold. */
import { createRng, deriveSeed } from '@painkd/signals';
import type { Fold } from './fold.js';
import { assertNoSubjectLeak } from './subject-leak.js';
import type { WindowDataset } from '../data/window-dataset.js';
import { DistillError } from '../errors.js';

/** How subjects are split into test groups. */
export type CvScheme = 'group-kfold' | 'loso';

/** Options of {@link makeFolds}. */
export interface CvOptions {
  readonly scheme: CvScheme;
  /** Number of folds for `group-kfold` (ignored by `loso`, which has one fold per subject). */
  readonly folds: number;
  readonly seed: number;
  /** Fraction of each fold's training subjects held out for validation (at least one subject). */
  readonly valFraction: number;
}

/**
 * Splits subject ids into test groups. `group-kfold`: a seeded shuffle of the subjects dealt
 * round-robin into `k` groups, so group sizes differ by at most one subject. `loso`: one group
 * per subject, in the given order.
 *
 * @example
 * subjectGroups(['a', 'b', 'c', 'd', 'e'], { scheme: 'group-kfold', folds: 2, seed: 1, valFraction: 0.2 });
 */
export function subjectGroups(subjects: readonly string[], options: CvOptions): string[][] {
  if (options.scheme === 'loso') return subjects.map((s) => [s]);
  const k = options.folds;
  if (!Number.isInteger(k) || k < 2 || k > subjects.length) {
    throw new DistillError('CV_INVALID_ARGUMENT', `folds must be an integer in [2, ${subjects.length}] (the subject count), got ${k}`);
  }
  const order = createRng(deriveSeed(options.seed, 0x6b666f6c)).shuffle([...subjects]);
  const groups: string[][] = Array.from({ length: k }, () => []);
  order.forEach((s, i) => groups[i % k].push(s));
  return groups;
}

/**
 * Builds the folds of a dataset: each test group of {@link subjectGroups} is one fold's test set;
 * the remaining subjects are split, by a seeded shuffle, into validation subjects
 * (`round(valFraction · n)`, at least 1) and training subjects. Validation therefore never sees a
 * test subject, and early stopping never looks at the test set. Same dataset, options and seed →
 * same folds, for every method of an experiment (a paired comparison). Each fold is checked with
 * {@link assertNoSubjectLeak} before it is returned.
 *
 * @example
 * const folds = makeFolds(data, { scheme: 'group-kfold', folds: 5, seed: 42, valFraction: 0.15 });
 */
export function makeFolds(data: WindowDataset, options: CvOptions): Fold[] {
  if (!(options.valFraction > 0 && options.valFraction < 1)) {
    throw new DistillError('CV_INVALID_ARGUMENT', `valFraction must be in (0, 1), got ${options.valFraction}`);
  }
  if (data.subjects.length < 3) {
    throw new DistillError('CV_INVALID_ARGUMENT', `cross-validation needs at least 3 subjects (train, validation, test), got ${data.subjects.length}`);
  }
  const windowsOf = windowsBySubject(data);
  return subjectGroups(data.subjects, options).map((testSubjects, index) => {
    const test = new Set(testSubjects);
    const rest = data.subjects.filter((s) => !test.has(s));
    const fold = splitTrainVal(index, rest, testSubjects, options.valFraction, deriveSeed(options.seed, 0x76616c, index), windowsOf);
    assertNoSubjectLeak(fold, data);
    return fold;
  });
}

/**
 * The training split used after cross-validation to fit the deployed models: every subject
 * trains except a seeded validation split for early stopping; no test set.
 *
 * @example
 * const all = finalSplit(data, 0.15, 42);
 */
export function finalSplit(data: WindowDataset, valFraction: number, seed: number): Fold {
  return splitTrainVal(-1, data.subjects, [], valFraction, deriveSeed(seed, 0x66696e), windowsBySubject(data));
}

function splitTrainVal(
  index: number,
  candidates: readonly string[],
  testSubjects: readonly string[],
  valFraction: number,
  seed: number,
  windowsOf: ReadonlyMap<string, number[]>,
): Fold {
  const shuffled = createRng(seed).shuffle([...candidates]);
  const nVal = Math.min(candidates.length - 1, Math.max(1, Math.round(valFraction * candidates.length)));
  const valSubjects = shuffled.slice(0, nVal).sort();
  const trainSubjects = shuffled.slice(nVal).sort();
  const collect = (subjects: readonly string[]): Int32Array => Int32Array.from(subjects.flatMap((s) => windowsOf.get(s) ?? []));
  return {
    index,
    trainSubjects,
    valSubjects,
    testSubjects: [...testSubjects].sort(),
    train: collect(trainSubjects),
    val: collect(valSubjects),
    test: collect(testSubjects),
  };
}

function windowsBySubject(data: WindowDataset): Map<string, number[]> {
  const map = new Map<string, number[]>(data.subjects.map((s) => [s, []]));
  for (let i = 0; i < data.subjectOf.length; i++) map.get(data.subjects[data.subjectOf[i]])!.push(i);
  return map;
}
