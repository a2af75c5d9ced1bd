import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignalsError } from '../errors.js';
import { loadBiovid } from './load-biovid.js';
import { readBiovidRecording } from './read-biovid-recording.js';
import { biovidText, put, tempFolder } from './test-files.js';

const good = biovidText();
/** Each bad-file case: its file content, the code it must raise and the line it must name. */
const BAD_CASES: Record<string, { text: string; code: string; line: number }> = {
  empty: { text: '', code: 'BIOVID_EMPTY_FILE', line: 1 },
  'unknown-column': { text: good.replace('emg_zygomaticus', 'emg_masseter'), code: 'BIOVID_BAD_HEADER', line: 1 },
  'missing-column': { text: good.replace('\temg_zygomaticus', ''), code: 'BIOVID_BAD_HEADER', line: 1 },
  'non-numeric': { text: good.replace('\t5.010000\t', '\t5.O1\t'), code: 'BIOVID_BAD_ROW', line: 102 },
  ragged: { text: good.replace('\t5.020000\t0.1\t', '\t5.020000\t'), code: 'BIOVID_RAGGED_ROW', line: 202 },
  'cut-mid-row': { text: good.slice(0, good.lastIndexOf('\t2.25')), code: 'BIOVID_TRUNCATED', line: 2817 },
  'too-few-rows': { text: `${good.split('\n').slice(0, 1001).join('\n')}\n`, code: 'BIOVID_TRUNCATED', line: 1002 },
  'nan-time': { text: good.replace('\n3906\t', '\nNaN\t'), code: 'BIOVID_BAD_TIME', line: 4 },
};

describe('loadBiovid and readBiovidRecording', () => {
  let root = '';
  let cleanup = async (): Promise<void> => undefined;
  const paths: Record<string, string> = {};
  beforeAll(async () => {
    ({ dir: root, cleanup } = await tempFolder('load'));
    await put(root, 'biosignals_filtered/s1/s1-BL1-001_bio.csv', good);
    await put(root, 'biosignals_filtered/s1/s1-PA4-002_bio.csv', biovidText(2816, 7, '\r\n'));
    for (const [i, [name, { text }]] of Object.entries(BAD_CASES).entries()) {
      paths[name] = await put(root, `biosignals_filtered/bad/bad-PA2-${100 + i}_bio.csv`, text);
    }
    paths['unknown-class'] = await put(root, 'biosignals_filtered/s1/s1-PA9-003_bio.csv', good);
  });
  afterAll(() => cleanup());

  for (const [name, { code, line }] of Object.entries(BAD_CASES)) {
    it(`reports ${name} as ${code} at file:${line}`, async () => {
      const error = await readBiovidRecording(paths[name]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SignalsError);
      expect((error as SignalsError).code).toBe(code);
      expect((error as SignalsError).message.startsWith(`${paths[name]}:${line}: `)).toBe(true);
    });
  }

  it('reports an unknown class token as BIOVID_UNKNOWN_CLASS naming the file', async () => {
    const error = await readBiovidRecording(paths['unknown-class']).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BIOVID_UNKNOWN_CLASS' });
    expect((error as SignalsError).message.startsWith(`${paths['unknown-class']}: `)).toBe(true);
  });

  it('reads a CRLF file with the same values, and only the requested channels', async () => {
    const rec = await readBiovidRecording(`${root}/biosignals_filtered/s1/s1-PA4-002_bio.csv`, { channels: ['gsr'] });
    expect(rec).toMatchObject({ subject: 's1', label: 'PA4', classIndex: 4, trial: 2, sampleRate: 512, layout: 'part-a' });
    expect(Object.keys(rec.channels)).toEqual(['gsr']);
    expect(rec.channels.gsr?.[2815]).toBeCloseTo(7.2815, 5);
    expect(rec.timeUs[2815]).toBe(5498047);
  });

  it('throws on the first bad file by default', async () => {
    await expect(loadBiovid(root)).rejects.toBeInstanceOf(SignalsError);
  });

  it('skip mode keeps the good recordings and names and counts every bad file', async () => {
    const progress: number[] = [];
    const { recordings, skipped } = await loadBiovid(root, {
      onBadFile: 'skip',
      onProgress: (p) => progress.push(p.done),
    });
    expect(recordings.map((r) => `${r.subject}-${r.label}`)).toEqual(['s1-BL1', 's1-PA4']);
    expect(skipped).toHaveLength(Object.keys(BAD_CASES).length + 1);
    expect(new Set(skipped.map((s) => s.path))).toEqual(new Set(Object.values(paths)));
    for (const [name, { code, line }] of Object.entries(BAD_CASES)) {
      const entry = skipped.find((s) => s.path === paths[name]);
      expect(entry?.code).toBe(code);
      expect(entry?.message.startsWith(`${paths[name]}:${line}: `)).toBe(true);
    }
    expect(progress.at(-1)).toBe(Object.keys(BAD_CASES).length + 3);
  });

  it('reports a missing file as BIOVID_NOT_FOUND', async () => {
    await expect(readBiovidRecording(`${root}/biosignals_filtered/s1/s1-PA1-099_bio.csv`)).rejects.toMatchObject({
      code: 'BIOVID_NOT_FOUND',
    });
  });
});
