import { describe, expect, it } from 'vitest';
import type { Fold } from './fold.js';
import { makeFolds } from './make-folds.js';
import { assertNoSubjectLeak } from './subject-leak.js';
import { toyDataset } from '../testing/toy-dataset.js';

const data = toyDataset(6, 2);
const [fold] = makeFolds(data, { scheme: 'group-kfold', folds: 3, seed: 1, valFraction: 0.25 });

describe('assertNoSubjectLeak', () => {
  it('accepts a proper fold', () => {
    expect(() => assertNoSubjectLeak(fold, data)).not.toThrow();
  });

  it('catches one test-subject window moved into training (the seed notebook random KFold leak)', () => {
    const leaky: Fold = { ...fold, train: Int32Array.from([...fold.train, fold.test[0]]), test: fold.test.subarray(1) };
    expect(() => assertNoSubjectLeak(leaky, data)).toThrow(
      expect.objectContaining({ code: 'CV_SUBJECT_LEAK', details: expect.objectContaining({ part: 'train', windows: 1 }) }),
    );
  });

  it('catches a leak into validation even when the subject lists claim otherwise', () => {
    const leaky: Fold = { ...fold, val: Int32Array.from([...fold.val, fold.test[1]]), test: Int32Array.from([fold.test[0], ...fold.test.subarray(2)]) };
    expect(() => assertNoSubjectLeak(leaky, data)).toThrow(expect.objectContaining({ code: 'CV_SUBJECT_LEAK', details: expect.objectContaining({ part: 'val' }) }));
  });

  it('catches a window used twice', () => {
    const dup: Fold = { ...fold, val: Int32Array.from([...fold.val, fold.train[0]]) };
    expect(() => assertNoSubjectLeak(dup, data)).toThrow(expect.objectContaining({ code: 'CV_SUBJECT_LEAK' }));
  });
});
