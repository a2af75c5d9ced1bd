import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCohort, LAB_ALL_CHANNELS_VIEW, LAB_GSR_VIEW, preprocessView, WEARABLE_GSR_VIEW } from '@painkd/signals';
import { writeBiovidCohort } from '@painkd/signals/node';
import { biovidDataset } from './biovid-dataset.js';
import { windowSeed } from './dataset-builder.js';
import { syntheticDataset } from './synthetic-dataset.js';

const VIEWS = { lab: LAB_ALL_CHANNELS_VIEW, wrist: WEARABLE_GSR_VIEW };

describe('syntheticDataset', () => {
  it('generates once, then serves the identical windows of every view from the cache', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'painkd-cache-'));
    const options = { cacheDir, subjects: 3, windowsPerClass: 1, seed: 5, views: VIEWS };
    const first = await syntheticDataset(options);
    const second = await syntheticDataset(options);
    expect(first.cached).toBe(false);
    expect(second.cached).toBe(true);
    expect(second.views.lab!.x).toEqual(first.views.lab!.x);
    expect(second.views.wrist!.x).toEqual(first.views.wrist!.x);
    expect(Array.from(second.views.lab!.labels)).toEqual([0, 1, 2, 3, 4, 0, 1, 2, 3, 4, 0, 1, 2, 3, 4]);
    expect(second.views.lab!.subjects).toHaveLength(3);
    expect([second.views.lab!.length, second.views.lab!.channels]).toEqual([176, 5]);
    expect([second.views.wrist!.length, second.views.wrist!.channels]).toEqual([22, 1]);
    expect((await readdir(cacheDir)).filter((f) => f.includes('.tmp-'))).toEqual([]);
    // A new view alongside cached ones is made without touching the cached entries.
    const third = await syntheticDataset({ ...options, views: { ...VIEWS, gsr: LAB_GSR_VIEW } });
    expect(third.cached).toBe(false);
    expect(third.views.lab!.x).toEqual(first.views.lab!.x);
    expect(third.views.gsr!.channels).toBe(1);
  });

  it('aligns the views: window i of the teacher view and of the student view are the same recording and trial', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'painkd-align-'));
    const { views } = await syntheticDataset({ cacheDir, subjects: 3, windowsPerClass: 2, seed: 9, views: VIEWS });
    const cohort = generateCohort({ subjects: 3, windowsPerClass: 2, seed: 9 });
    const lab = views.lab!;
    const wrist = views.wrist!;
    expect(Array.from(wrist.labels)).toEqual(Array.from(lab.labels));
    expect(Array.from(wrist.subjectOf)).toEqual(Array.from(lab.subjectOf));
    cohort.trials.forEach((trial, i) => {
      const recording = cohort.render(i);
      expect(lab.subjects[lab.subjectOf[i]!]).toBe(trial.subject);
      expect(lab.labels[i]).toBe(trial.classIndex);
      const seed = windowSeed(9, recording);
      expect(lab.x.subarray(i * 176 * 5, (i + 1) * 176 * 5)).toEqual(preprocessView(recording, LAB_ALL_CHANNELS_VIEW, { seed }));
      expect(wrist.x.subarray(i * 22, (i + 1) * 22)).toEqual(preprocessView(recording, WEARABLE_GSR_VIEW, { seed }));
    });
    // The seeds make every window's simulated wearable differ (not one noise pattern for all).
    expect(windowSeed(9, cohort.trials[0]!)).not.toBe(windowSeed(9, cohort.trials[1]!));
  });
});

describe('biovidDataset', () => {
  it('reads a Part A folder into aligned per-subject windows of every view', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'painkd-biovid-'));
    await writeBiovidCohort(generateCohort({ subjects: 3, windowsPerClass: 1, seed: 2 }), dir);
    const views = await biovidDataset(dir, VIEWS, 1);
    expect(views.lab!.subjects).toHaveLength(3);
    expect(views.lab!.labels.length).toBe(15);
    expect(views.lab!.x.length).toBe(15 * 176 * 5);
    expect(views.wrist!.x.length).toBe(15 * 22);
    expect(views.lab!.x.every(Number.isFinite)).toBe(true);
    expect(Array.from(views.wrist!.labels)).toEqual(Array.from(views.lab!.labels));
  });

  it('names the folder when it holds no recordings, and the file when one is broken', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'painkd-empty-'));
    await expect(biovidDataset(empty, VIEWS, 1)).rejects.toMatchObject({ code: 'CLI_BAD_DATA', message: expect.stringContaining(empty) });
    const dir = await mkdtemp(join(tmpdir(), 'painkd-bad-'));
    await writeBiovidCohort(generateCohort({ subjects: 3, windowsPerClass: 1, seed: 2 }), dir);
    const subject = (await readdir(join(dir, 'biosignals_filtered')))[0]!;
    const file = (await readdir(join(dir, 'biosignals_filtered', subject)))[0]!;
    await writeFile(join(dir, 'biosignals_filtered', subject, file), 'time\tgsr\n0\tabc\n');
    await expect(biovidDataset(dir, VIEWS, 1)).rejects.toMatchObject({ code: 'CLI_BAD_DATA', message: expect.stringContaining(file) });
  });

  it('names a recording that lacks a channel a view needs', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'painkd-gsr-only-'));
    await writeBiovidCohort(generateCohort({ subjects: 3, windowsPerClass: 1, seed: 2 }), dir);
    const subject = (await readdir(join(dir, 'biosignals_filtered')))[0]!;
    const file = join(dir, 'biosignals_filtered', subject, (await readdir(join(dir, 'biosignals_filtered', subject)))[0]!);
    const gsrOnly = (await readFile(file, 'utf8')).split('\n').map((line) => line.split('\t').slice(0, 2).join('\t'));
    await writeFile(file, gsrOnly.join('\n'));
    await expect(biovidDataset(dir, VIEWS, 1)).rejects.toMatchObject({ code: 'CLI_BAD_DATA', message: expect.stringMatching(/ecg/) });
    await expect(biovidDataset(dir, { wrist: WEARABLE_GSR_VIEW }, 1)).resolves.toMatchObject({ wrist: expect.objectContaining({ channels: 1 }) });
  });
});
