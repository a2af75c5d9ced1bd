import { describe, expect, it } from 'vitest';
import { classificationScores } from './classification-scores.js';

describe('classificationScores', () => {
  it('matches scikit-learn accuracy_score, f1_score(average="macro") and the mean absolute class error', () => {
    // y_true = [0,0,1,1,2,2,3,4], y_pred = [0,1,1,1,2,0,4,4]; sklearn macro F1 = 0.5266666667
    const s = classificationScores([0, 0, 1, 1, 2, 2, 3, 4], [0, 1, 1, 1, 2, 0, 4, 4], 5);
    expect(s.accuracy).toBeCloseTo(5 / 8, 12);
    expect(s.macroF1).toBeCloseTo((0.5 + 0.8 + 2 / 3 + 0 + 2 / 3) / 5, 12);
    expect(s.mae).toBeCloseTo((1 + 2 + 1) / 8, 12);
    // sklearn confusion_matrix(y_true, y_pred, labels=range(5))
    expect(s.confusion).toEqual([
      [1, 1, 0, 0, 0],
      [0, 2, 0, 0, 0],
      [1, 0, 1, 0, 0],
      [0, 0, 0, 0, 1],
      [0, 0, 0, 0, 1],
    ]);
  });

  it('rejects empty or mismatched inputs', () => {
    expect(() => classificationScores([], [], 5)).toThrow(RangeError);
    expect(() => classificationScores([1], [1, 2], 5)).toThrow(RangeError);
    expect(() => classificationScores([1, 5], [1, 2], 5)).toThrow(/out of range/);
  });
});
