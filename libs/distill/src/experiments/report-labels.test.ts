import { describe, expect, it } from 'vitest';
import { binaryScoringNote, foldLabel, repeatOf, repeatsOf, sensorLabel, viewLabel } from './report-labels.js';
import type { FoldResult } from './report-types.js';
import { PRIVILEGED_VIEWS, privilegedSampleReport, sampleReport } from '../testing/sample-report.js';

describe('report labels', () => {
  it('names (repeat, fold) pairs 1-based, with the repeat only when the CV was repeated', () => {
    expect(foldLabel({ repeat: 1, fold: 2 }, 3)).toBe('r2 f3');
    expect(foldLabel({ repeat: 0, fold: 2 }, 1)).toBe('fold 3');
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
