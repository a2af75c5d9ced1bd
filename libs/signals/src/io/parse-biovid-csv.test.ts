import { describe, expect, it } from 'vitest';
import { SignalsError } from '../errors.js';
import { BIOVID_COLUMNS } from './biovid-format.js';
import { parseBiovidCsv } from './parse-biovid-csv.js';

const HEADER = BIOVID_COLUMNS.join('\t');

/** A valid BioVid text of `rows` rows at 512 Hz; row r holds gsr = 5 + r/1000 and ecg = -r. */
function biovidText(rows: number, newline = '\n', trailing = true): string {
  const lines = [HEADER];
  for (let r = 0; r < rows; r++) {
    lines.push([Math.round((r * 1e6) / 512), (5 + r / 1000).toFixed(6), (-r).toString(), '1.5', '-0.25', '3e-2'].join('\t'));
  }
  return lines.join(newline) + (trailing ? newline : '');
}

function codeAndMessage(run: () => unknown): { code: string; message: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof SignalsError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a SignalsError');
}

describe('parseBiovidCsv', () => {
  it('reads a full 5.5 s window at 512 Hz with every channel', () => {
    const parsed = parseBiovidCsv(biovidText(2816), { file: 'a.csv' });
    expect(parsed.sampleRate).toBe(512);
    expect(parsed.timeUs.length).toBe(2816);
    expect(parsed.timeUs[1]).toBe(1953);
    expect(parsed.channels.gsr?.[100]).toBeCloseTo(5.1, 6);
    expect(parsed.channels.ecg?.[7]).toBe(-7);
    expect(parsed.channels.emg_zygomaticus?.[0]).toBeCloseTo(0.03, 7);
    expect(parsed.channels.emg_corrugator?.[0]).toBe(-0.25);
  });

  it('tolerates CRLF, a BOM and missing or extra trailing newlines', () => {
    const lf = parseBiovidCsv(biovidText(2816));
    const crlf = parseBiovidCsv('\ufeff' + biovidText(2816, '\r\n'));
    const bare = parseBiovidCsv(biovidText(2816, '\n', false));
    const extra = parseBiovidCsv(biovidText(2816) + '\n\r\n');
    for (const other of [crlf, bare, extra]) {
      expect(other.timeUs).toEqual(lf.timeUs);
      expect(other.channels.gsr).toEqual(lf.channels.gsr);
      expect(other.channels.emg_zygomaticus).toEqual(lf.channels.emg_zygomaticus);
    }
  });

  it('converts only the requested channels, and accepts bytes as well as text', () => {
    const text = biovidText(2816);
    const parsed = parseBiovidCsv(new TextEncoder().encode(text), { channels: ['gsr'] });
    expect(Object.keys(parsed.channels)).toEqual(['gsr']);
    expect(parsed.channels.gsr).toEqual(parseBiovidCsv(text).channels.gsr);
  });

  it('parses numbers exactly like Number() for many forms', () => {
    const cells = ['0', '-0.5', '+2.25', '1e3', '-1.5E-2', '123456.789012', '0.000001', '12345678901234567890', '7.'];
    const text = `time\tgsr\n` + cells.map((cell, r) => `${r * 1000}\t${cell}`).join('\n');
    const parsed = parseBiovidCsv(text, { channels: ['gsr'], expectedRows: 'any' });
    expect(Array.from(parsed.channels.gsr ?? [])).toEqual(cells.map((cell) => Math.fround(Number(cell))));
    expect(parsed.sampleRate).toBe(1000);
  });

  it('accepts NaN/Inf in a channel as a missing value', () => {
    const text = `time\tgsr\n0\t1\n1000\tNaN\n2000\t-Inf\n`;
    const gsr = parseBiovidCsv(text, { channels: ['gsr'], expectedRows: 'any' }).channels.gsr;
    expect(Number.isNaN(gsr?.[1])).toBe(true);
    expect(gsr?.[2]).toBe(Number.NEGATIVE_INFINITY);
  });

  describe('bad files name their code and file:line', () => {
    const cases: Array<{ name: string; text: string; code: string; at: string; options?: object }> = [
      { name: 'empty file', text: '', code: 'BIOVID_EMPTY_FILE', at: 'f.csv:1:' },
      { name: 'whitespace only', text: '\r\n\n', code: 'BIOVID_EMPTY_FILE', at: 'f.csv:1:' },
      { name: 'unknown header column', text: 'time\tgsr\tfoo\n0\t1\t2\n', code: 'BIOVID_BAD_HEADER', at: 'f.csv:1:' },
      { name: 'missing header column', text: 'time\tgsr\n0\t1\n', code: 'BIOVID_BAD_HEADER', at: 'f.csv:1:' },
      { name: 'duplicate header column', text: 'time\tgsr\tgsr\n0\t1\t1\n', code: 'BIOVID_BAD_HEADER', at: 'f.csv:1:', options: { channels: ['gsr'] } },
      { name: 'non-numeric cell', text: biovidText(5).replace('\t5.004000', '\tabc'), code: 'BIOVID_BAD_ROW', at: 'f.csv:6:' },
      { name: 'number with junk', text: biovidText(5).replace('\t5.002000', '\t5.0.2'), code: 'BIOVID_BAD_ROW', at: 'f.csv:4:' },
      { name: 'empty cell', text: biovidText(5).replace('\t5.001000', '\t'), code: 'BIOVID_BAD_ROW', at: 'f.csv:3:' },
      { name: 'blank line inside data', text: biovidText(5).replace('\n1953', '\n\n1953'), code: 'BIOVID_BAD_ROW', at: 'f.csv:3:' },
      { name: 'ragged row (short)', text: biovidText(5).replace('\t1.5\t-0.25\t3e-2\n5859', '\n5859'), code: 'BIOVID_RAGGED_ROW', at: 'f.csv:4:' },
      { name: 'ragged row (long)', text: biovidText(5).replace('3e-2\n3906', '3e-2\t9\n3906'), code: 'BIOVID_RAGGED_ROW', at: 'f.csv:3:' },
      { name: 'truncated mid-row', text: biovidText(5).slice(0, biovidText(5).lastIndexOf('\t1.5')), code: 'BIOVID_TRUNCATED', at: 'f.csv:6:' },
      { name: 'truncated after a tab', text: biovidText(5).replace(/3e-2\n$/, ''), code: 'BIOVID_TRUNCATED', at: 'f.csv:6:' },
      { name: 'fewer rows than a 5.5 s window', text: biovidText(2000), code: 'BIOVID_TRUNCATED', at: 'f.csv:2002:', options: { expectedRows: 2816 } },
      { name: 'header only', text: `${HEADER}\n`, code: 'BIOVID_TRUNCATED', at: 'f.csv:2:' },
      { name: 'NaN time', text: biovidText(5).replace('\n3906\t', '\nNaN\t'), code: 'BIOVID_BAD_TIME', at: 'f.csv:4:' },
      { name: 'non-numeric time', text: biovidText(5).replace('\n3906\t', '\n3x06\t'), code: 'BIOVID_BAD_TIME', at: 'f.csv:4:' },
      { name: 'time going back', text: biovidText(5).replace('\n3906\t', '\n1000\t'), code: 'BIOVID_BAD_TIME', at: 'f.csv:4:' },
    ];
    for (const c of cases) {
      it(c.name, () => {
        const { code, message } = codeAndMessage(() => parseBiovidCsv(c.text, { file: 'f.csv', expectedRows: 'any', ...c.options }));
        expect(code).toBe(c.code);
        expect(message.startsWith(c.at)).toBe(true);
      });
    }
  });
});
