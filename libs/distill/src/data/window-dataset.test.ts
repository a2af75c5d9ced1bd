import { describe, expect, it } from 'vitest';
import { gatherLabels, gatherWindows, selectClasses, validateDataset } from './window-dataset.js';
import { toyDataset } from '../testing/toy-dataset.js';

describe('window dataset helpers', () => {
  const data = toyDataset(3, 2, 5, 8);

  it('validates a well-formed dataset and names what is broken otherwise', () => {
    expect(validateDataset(data)).toBe(data);
    expect(() => validateDataset({ ...data, classes: 4 })).toThrow(expect.objectContaining({ code: 'DATASET_INVALID', message: expect.stringContaining('label 4') }));
    const x = data.x.slice();
    x[9] = Number.NaN;
    expect(() => validateDataset({ ...data, x })).toThrow(expect.objectContaining({ message: expect.stringContaining('window 1') }));
  });

  it('gathers windows and labels by index', () => {
    const idx = Int32Array.of(4, 0);
    expect(Array.from(gatherWindows(data, idx).subarray(0, 8))).toEqual(Array.from(data.x.subarray(32, 40)));
    expect(Array.from(gatherLabels(data, idx))).toEqual([data.labels[4], data.labels[0]]);
  });

  it('keeps and relabels the binary classes', () => {
    const b = selectClasses(data, [0, 4]);
    expect(b.classes).toBe(2);
    expect(b.labels.length).toBe(3 * 2 * 2);
    expect(new Set(b.labels)).toEqual(new Set([0, 1]));
    expect(() => validateDataset(b)).not.toThrow();
  });
});
