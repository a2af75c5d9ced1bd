import { describe, expect, it } from 'vitest';
import { viewDatasetsHash } from './dataset-hash.js';
import { toyViews } from '../testing/toy-dataset.js';

describe('viewDatasetsHash', () => {
  it('is the same for equal views in any key order and changes with one sample, label or subject id', () => {
    const views = toyViews(3, 1);
    const hash = viewDatasetsHash(views);
    expect(hash).toMatch(/^[0-9a-f]{16}$/);
    expect(viewDatasetsHash({ wrist: views.wrist!, lab: views.lab! })).toBe(hash);
    const x = Float32Array.from(views.wrist!.x);
    x[7] = Math.fround(x[7]! + 1e-6);
    expect(viewDatasetsHash({ ...views, wrist: { ...views.wrist!, x } })).not.toBe(hash);
    const labels = Int32Array.from(views.wrist!.labels).reverse();
    expect(viewDatasetsHash({ ...views, wrist: { ...views.wrist!, labels } })).not.toBe(hash);
    expect(viewDatasetsHash({ ...views, wrist: { ...views.wrist!, subjects: ['a', 'b', 'c'] } })).not.toBe(hash);
  });
});
