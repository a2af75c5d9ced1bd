import { describe, expect, it } from 'vitest';
import { binaryScoringNote, foldAt, foldLabel, foldPairs, repeatOf, repeatsOf, sensorLabel, viewLabel } from './report-labels.js';
import type { FoldResult } from './report-types.js';
import { PRIVILEGED_VIEWS, privilegedSampleReport, sampleReport } from '../testing/sample-report.js';

describe('report labels', () => {
  it('names (repeat, fold) pairs 1-based, with the repeat only when the CV was repeated', () => {
    expect(foldLabel({ repeat: 1, fold: 2 }, 3)).toBe('r2 f3');
    expect(foldLabel({ repeat: 0, fold: 2 }, 1)).toBe('fold 3');
  });

  it('lists every (repeat, fold) pair any method ran, in run order, and finds a method\'s result on one', () => {
    const fold = (repeat: number, f: number, subject: string): FoldResult => ({ repeat, fold: f, testSubjects: [subject] }) as unknown as FoldResult;
    const a = { folds: [fold(1, 0, 'a10'), fold(0, 1, 'a01')] };
    const b = { folds: [fold(0, 0, 'b00'), fold(0, 1, 'b01'), fold(1, 1, 'b11')] };
    const pairs = foldPairs([a, b]);
    expect(pairs.map((p) => foldLabel(p, 2))).toEqual(['r1 f1', 'r1 f2', 'r2 f1', 'r2 f2']);
    expect(pairs.map((p) => p.testSubjects[0])).toEqual(['b00', 'a01', 'a10', 'b11']);
    expect(foldAt(b, { repeat: 0, fold: 1 })?.testSubjects).toEqual(['b01']);
    expect(foldAt(a, { repeat: 0, fold: 0 })).toBeUndefined();
  });

  it('reads the repeat count from cv.repeats, else from the folds of an older report', () => {
    expect(repeatsOf(privilegedSampleReport())).toBe(2);
    expect(repeatsOf(sampleReport())).toBe(1);
    const old = privilegedSampleReport();
    const cv = { scheme: old.cv.scheme, folds: old.cv.folds, seed: old.cv.seed } as typeof old.cv;
    expect(repeatsOf({ ...old, cv })).toBe(2);
    expect(repeatOf({} as Pick<FoldResult, 'repeat'>)).toBe(0);
  });

  it('says the binary figures come from the multiclass model', () => {
    expect(binaryScoringNote(5)).toContain('5-class model');
    expect(binaryScoringNote(5)).toContain('not by a model trained on the binary task');
  });

  it('describes a view in one line', () => {
    const [lab, , wrist] = PRIVILEGED_VIEWS;
    expect(viewLabel(lab!)).toBe('lab: 5 channels at 32 Hz, 176 samples, lab recording');
    expect(viewLabel(wrist!)).toBe('wrist: gsr:level at 4 Hz, 22 samples, simulated wearable');
    expect(sensorLabel({ wearable: false })).toBe('lab recording');
  });
});
