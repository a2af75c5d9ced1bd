import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PREPROCESS_CONFIG, generateCohort } from '@painkd/signals';
import { writeBiovidCohort } from '@painkd/signals/node';
import { biovidDataset } from './biovid-dataset.js';
import { syntheticDataset } from './synthetic-dataset.js';

describe('syntheticDataset', () => {
  it('generates once, then serves the identical windows from the cache', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'painkd-cache-'));
    const options = { cacheDir, subjects: 3, windowsPerClass: 1, seed: 5, preprocess: DEFAULT_PREPROCESS_CONFIG };
    const first = await syntheticDataset(options);
    const second = await syntheticDataset(options);
    expect(first.cached).toBe(false);
    expect(second.cached).toBe(true);
    expect(second.data.x).toEqual(first.data.x);
    expect(Array.from(second.data.labels)).toEqual([0, 1, 2, 3, 4, 0, 1, 2, 3, 4, 0, 1, 2, 3, 4]);
    expect(second.data.subjects).toHaveLength(3);
    expect(second.data.length).toBe(176);
    expect((await readdir(cacheDir)).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });
});

describe('biovidDataset', () => {
  it('reads a Part A folder into per-subject windows', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'painkd-biovid-'));
    await writeBiovidCohort(generateCohort({ subjects: 3, windowsPerClass: 1, seed: 2 }), dir);
    const data = await biovidDataset(dir, DEFAULT_PREPROCESS_CONFIG);
    expect(data.subjects).toHaveLength(3);
    expect(data.labels.length).toBe(15);
    expect(data.x.length).toBe(15 * 176);
    expect(data.x.every(Number.isFinite)).toBe(true);
  });

  it('names the folder when it holds no recordings, and the file when one is broken', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'painkd-empty-'));
    await expect(biovidDataset(empty, DEFAULT_PREPROCESS_CONFIG)).rejects.toMatchObject({ code: 'CLI_BAD_DATA', message: expect.stringContaining(empty) });
    const dir = await mkdtemp(join(tmpdir(), 'painkd-bad-'));
    await writeBiovidCohort(generateCohort({ subjects: 3, windowsPerClass: 1, seed: 2 }), dir);
    const subject = (await readdir(join(dir, 'biosignals_filtered')))[0];
    const file = (await readdir(join(dir, 'biosignals_filtered', subject)))[0];
    await writeFile(join(dir, 'biosignals_filtered', subject, file), 'time\tgsr\n0\tabc\n');
    await expect(biovidDataset(dir, DEFAULT_PREPROCESS_CONFIG)).rejects.toMatchObject({ code: 'CLI_BAD_DATA', message: expect.stringContaining(file) });
  });
});
