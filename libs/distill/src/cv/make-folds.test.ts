import { describe, expect, it } from 'vitest';
import { finalSplit, makeFolds, subjectGroups } from './make-folds.js';
import { toyDataset } from '../testing/toy-dataset.js';

const data = toyDataset(12, 2);
const options = { scheme: 'group-kfold', folds: 5, seed: 7, valFraction: 0.2 } as const;

describe('makeFolds (group-kfold)', () => {
  const folds = makeFolds(data, options);

  it('tests every subject exactly once, in groups differing by at most one subject', () => {
    const tested = folds.flatMap((f) => f.testSubjects).sort();
    expect(tested).toEqual([...data.subjects].sort());
    const sizes = folds.map((f) => f.testSubjects.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });

  it('draws validation subjects from the training subjects only', () => {
    for (const f of folds) {
      const test = new Set(f.testSubjects);
      expect(f.valSubjects.length).toBeGreaterThanOrEqual(1);
      expect(f.valSubjects.some((s) => test.has(s))).toBe(false);
      expect(f.valSubjects.some((s) => f.trainSubjects.includes(s))).toBe(false);
      expect(f.train.length + f.val.length + f.test.length).toBe(data.labels.length);
    }
  });

  it('is a pure function of the seed', () => {
    expect(makeFolds(data, options).map((f) => f.testSubjects)).toEqual(folds.map((f) => f.testSubjects));
    expect(makeFolds(data, { ...options, seed: 8 }).map((f) => f.testSubjects)).not.toEqual(folds.map((f) => f.testSubjects));
  });

  it('rejects more folds than subjects', () => {
    expect(() => subjectGroups(data.subjects, { ...options, folds: 13 })).toThrow(expect.objectContaining({ code: 'CV_INVALID_ARGUMENT' }));
  });
});

describe('makeFolds (loso)', () => {
  it('has one fold per subject', () => {
    const folds = makeFolds(data, { ...options, scheme: 'loso' });
    expect(folds).toHaveLength(12);
    expect(folds.map((f) => f.testSubjects[0])).toEqual(data.subjects);
  });
});

describe('finalSplit', () => {
  it('trains on every subject but the validation ones and tests on none', () => {
    const f = finalSplit(data, 0.2, 3);
    expect(f.test.length).toBe(0);
    expect(f.trainSubjects.length + f.valSubjects.length).toBe(12);
  });
});
