import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '../io/biovid-format.js';
import { generateCohort } from '../synth/generate-cohort.js';
import { readBiovidRecording } from './read-biovid-recording.js';
import { scanBiovid } from './scan-biovid.js';
import { biovidText, put, tempFolder } from './test-files.js';
import { writeBiovidCohort } from './write-biovid-cohort.js';

describe('writeBiovidCohort', () => {
  const cohort = generateCohort({ subjects: 2, windowsPerClass: 3, seed: 21 });
  let root = '';
  let cleanup = async (): Promise<void> => undefined;
  beforeAll(async () => {
    ({ dir: root, cleanup } = await tempFolder('write'));
    await writeBiovidCohort(cohort, join(root, 'PartA'));
    await put(root, '4/seed-subject-1.csv', biovidText());
  });
  afterAll(() => cleanup());

  it('round-trips: write → scanBiovid → readBiovidRecording gives the same labels and values', async () => {
    const refs = await scanBiovid(root);
    const partA = refs.filter((r) => r.layout === 'part-a');
    expect(partA).toHaveLength(cohort.trials.length);
    expect(refs.filter((r) => r.layout === 'class-folders').map((r) => [r.subject, r.label])).toEqual([['seed', 'PA4']]);
    for (const [i, ref] of partA.entries()) {
      const expected = cohort.render(i);
      expect([ref.subject, ref.classIndex, ref.label, ref.trial]).toEqual([expected.subject, expected.classIndex, expected.label, expected.trial]);
      const read = await readBiovidRecording(ref);
      expect(read.sampleRate).toBe(512);
      expect(read.timeUs).toEqual(expected.timeUs);
      for (const name of CHANNEL_NAMES) {
        const got = read.channels[name] as Float32Array;
        const want = expected.channels[name];
        let worst = 0;
        for (let k = 0; k < want.length; k++) {
          worst = Math.max(worst, Math.abs(got[k] - want[k]) - Math.abs(want[k]) * 2 ** -23);
        }
        expect(worst).toBeLessThanOrEqual(5e-7);
      }
    }
  });

  it('writes samples.csv and cohort.json beside the recordings', async () => {
    const samples = (await readFile(join(root, 'PartA', 'samples.csv'), 'utf8')).trim().split('\n');
    expect(samples[0]).toBe('subject_id\tsubject_name\tclass_id\tclass_name\tsample_id\tsample_name');
    expect(samples).toHaveLength(cohort.trials.length + 1);
    const first = cohort.trials[0];
    expect(samples[1]).toBe(`0\t${first.subject}\t${first.classIndex}\t${first.label}\t0\t${first.subject}-${first.label}-${String(first.trial).padStart(3, '0')}`);
    const saved = JSON.parse(await readFile(join(root, 'PartA', 'cohort.json'), 'utf8')) as { config: { seed: number }; subjects: unknown[] };
    expect(saved.config.seed).toBe(21);
    expect(saved.subjects).toHaveLength(2);
  });
});
