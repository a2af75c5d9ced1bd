import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignalsError } from '../errors.js';
import { scanBiovid, scanBiovidFiles } from './scan-biovid.js';
import { biovidText, put, tempFolder } from './test-files.js';

describe('scanBiovid', () => {
  let root = '';
  let cleanup = async (): Promise<void> => undefined;
  beforeAll(async () => {
    ({ dir: root, cleanup } = await tempFolder('scan'));
    const text = biovidText(4);
    await put(root, 'PartA/biosignals_filtered/071309_w_21/071309_w_21-PA4-012_bio.csv', text);
    await put(root, 'PartA/biosignals_filtered/071309_w_21/071309_w_21-BL1-081_bio.csv', text);
    await put(root, 'PartA/biosignals_raw/071309_w_21/071309_w_21-BL1-081_bio.csv', text);
    await put(root, 'PartA/biosignals_raw/071309_w_21/071309_w_21-PA1-002_bio.csv', text);
    await put(root, 'PartA/biosignals_filtered/071309_w_21/readme.txt', 'not a recording');
    await put(root, 'PartA/samples.csv', 'subject_id\tsubject_name\n');
    await put(root, '0/072414_m_23-BL1-003_bio.csv', text);
    await put(root, '3/anna-7.csv', text);
    await put(root, '.hidden/0/ignored.csv', text);
  });
  afterAll(() => cleanup());

  it('finds both layouts, prefers filtered over raw and sorts by subject, class, trial', async () => {
    const refs = await scanBiovid(root);
    expect(refs.map((r) => [r.subject, r.label, r.trial, r.layout])).toEqual([
      ['071309_w_21', 'BL1', 81, 'part-a'],
      ['071309_w_21', 'PA1', 2, 'part-a'],
      ['071309_w_21', 'PA4', 12, 'part-a'],
      ['072414_m_23', 'BL1', 3, 'class-folders'],
      ['anna', 'PA3', 7, 'class-folders'],
    ]);
    expect(refs[0].path).toContain('biosignals_filtered');
    expect(refs[1].path).toContain('biosignals_raw');
    expect(refs[0].path.startsWith(root)).toBe(true);
  });

  it('throws BIOVID_NOT_FOUND for a missing root', async () => {
    await expect(scanBiovid(`${root}/nope`)).rejects.toMatchObject({ code: 'BIOVID_NOT_FOUND' });
  });

  it('throws for an unknown class token, or lists it with scanBiovidFiles', async () => {
    const { dir, cleanup: done } = await tempFolder('scan-bad');
    try {
      await put(dir, 'biosignals_filtered/s1/s1-PA1-001_bio.csv', biovidText(4));
      const bad = await put(dir, 'biosignals_filtered/s1/s1-PA7-002_bio.csv', biovidText(4));
      const error = await scanBiovid(dir).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SignalsError);
      expect(error).toMatchObject({ code: 'BIOVID_UNKNOWN_CLASS' });
      expect((error as SignalsError).message.startsWith(`${bad}: `)).toBe(true);
      const scan = await scanBiovidFiles(dir);
      expect(scan.recordings.map((r) => r.label)).toEqual(['PA1']);
      expect(scan.bad).toEqual([{ path: bad, code: 'BIOVID_UNKNOWN_CLASS', message: expect.stringContaining('"PA7"') }]);
    } finally {
      await done();
    }
  });
});
