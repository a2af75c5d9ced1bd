import { describe, expect, it } from 'vitest';
import { SignalsError } from '../errors.js';
import { describeBiovidPath } from './describe-biovid-path.js';

function errorOf(path: string): SignalsError {
  try {
    describeBiovidPath(path);
  } catch (error) {
    if (error instanceof SignalsError) return error;
    throw error;
  }
  throw new Error('expected a SignalsError');
}

describe('describeBiovidPath', () => {
  it('reads subject, class and trial from a Part A path', () => {
    expect(describeBiovidPath('/d/PartA/biosignals_filtered/071309_w_21/071309_w_21-PA3-054_bio.csv')).toEqual({
      subject: '071309_w_21',
      classIndex: 3,
      label: 'PA3',
      trial: 54,
      layout: 'part-a',
    });
    expect(describeBiovidPath('C:\\data\\biosignals_raw\\s1\\s1-BL1-100_bio.csv').label).toBe('BL1');
  });

  it('reads the class from a numbered folder and the subject from a Part A style name', () => {
    expect(describeBiovidPath('/seed/2/072414_m_23-PA2-034_bio.csv')).toEqual({
      subject: '072414_m_23',
      classIndex: 2,
      label: 'PA2',
      trial: 34,
      layout: 'class-folders',
    });
  });

  it('falls back to "name up to the first dash" for other names in class folders', () => {
    expect(describeBiovidPath('/seed/0/anna-trial-7.csv')).toMatchObject({ subject: 'anna', classIndex: 0, trial: 7 });
    expect(describeBiovidPath('/seed/4/recording.csv')).toMatchObject({ subject: 'recording', classIndex: 4, trial: 0 });
  });

  it('rejects unknown class tokens and folders, conflicts and paths in neither layout, naming the file', () => {
    const unknownToken = errorOf('/d/biosignals_filtered/s1/s1-PA5-001_bio.csv');
    expect(unknownToken.code).toBe('BIOVID_UNKNOWN_CLASS');
    expect(unknownToken.message).toContain('/d/biosignals_filtered/s1/s1-PA5-001_bio.csv: unknown class token "PA5"');
    expect(errorOf('/seed/5/x.csv').code).toBe('BIOVID_UNKNOWN_CLASS');
    expect(errorOf('/seed/1/s1-PA2-003_bio.csv').code).toBe('BIOVID_LABEL_CONFLICT');
    expect(errorOf('/d/biosignals_filtered/s1/notes_bio.csv').code).toBe('BIOVID_BAD_NAME');
    expect(errorOf('/d/other/s1-PA2-003_bio.csv').code).toBe('BIOVID_BAD_NAME');
  });
});
