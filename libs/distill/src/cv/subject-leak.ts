/** @module The in-code guarantee that cross-validation never tests on a subject it trained on. */
import type { Fold } from './fold.js';
import { DistillError } from '../errors.js';
import type { WindowDataset } from '../data/window-dataset.js';

/**
 * Throws `CV_SUBJECT_LEAK` when any window of a test subject is in the fold's training or
 * validation windows (looked up through the dataset's `subjectOf`, not the fold's own subject
 * lists, so a fold with wrong lists cannot hide a leak), or when a window index is used twice.
 * Called for every fold before any training; cheap (one pass over the fold's windows).
 *
 * @example
 * for (const fold of folds) assertNoSubjectLeak(fold, data);
 */
export function assertNoSubjectLeak(fold: Fold, data: WindowDataset): void {
  const testSubjects = new Set<number>();
  for (const w of fold.test) testSubjects.add(data.subjectOf[w]);
  const seen = new Uint8Array(data.labels.length);
  const visit = (part: 'train' | 'val' | 'test', indices: Int32Array): void => {
    let leaked = 0;
    const subjects = new Set<string>();
    for (const w of indices) {
      if (seen[w]) {
        throw new DistillError('CV_SUBJECT_LEAK', `fold ${fold.index}: window ${w} is used twice (again in ${part})`, { fold: fold.index, window: w });
      }
      seen[w] = 1;
      if (part !== 'test' && testSubjects.has(data.subjectOf[w])) {
        leaked++;
        subjects.add(data.subjects[data.subjectOf[w]]);
      }
    }
    if (leaked > 0) {
      const names = [...subjects].sort();
      throw new DistillError(
        'CV_SUBJECT_LEAK',
        `fold ${fold.index}: ${leaked} ${part} window(s) belong to test subject(s) ${names.join(', ')}`,
        { fold: fold.index, part, subjects: names, windows: leaked },
      );
    }
  };
  visit('test', fold.test);
  visit('train', fold.train);
  visit('val', fold.val);
}
