/**
 * @module Works out subject, class and trial of a BioVid file from its path alone, for both
 * layouts: real Part A (`…/biosignals_filtered/<subject>/<subject>-<CLS>-<nnn>_bio.csv`) and the
 * seed's class folders (`<root>/<0..4>/<any>.csv`).
 */
import { SignalsError } from '../errors.js';
import { CLASS_LABELS, classIndexOf, type BiovidLayout, type ClassLabel } from './biovid-format.js';

/** What a path says about its recording. */
export interface BiovidPathInfo {
  readonly subject: string;
  readonly classIndex: number;
  readonly label: ClassLabel;
  readonly trial: number;
  readonly layout: BiovidLayout;
}

/** Folder names that mark the real Part A layout; `filtered` is preferred when both hold a file. */
export const PART_A_SIGNAL_FOLDERS = ['biosignals_filtered', 'biosignals_raw'] as const;

const PART_A_NAME = /^(.+)-([^-]+)-(\d+)_bio\.csv$/;
const CLASS_FOLDER = /^\d+$/;

/**
 * Describes a BioVid file from its path.
 *
 * - Part A (the file's grandparent folder is `biosignals_filtered` or `biosignals_raw`): the name
 *   must be `<subject>-<CLS>-<nnn>_bio.csv`; subject, class and trial come from it.
 * - Class folders (the parent folder is a number): the folder is the class (0 = BL1 … 4 = PA4).
 *   When the name follows the Part A pattern, subject and trial come from it (and its class token
 *   must agree with the folder); otherwise the subject is the name up to its first `-` (the whole
 *   name without `.csv` when it has none) and the trial is the number the name ends with (0 when
 *   it ends with none).
 *
 * Throws `BIOVID_BAD_NAME` (a Part A name off the pattern, or a path in neither layout),
 * `BIOVID_UNKNOWN_CLASS` (a class token or folder number outside BL1/PA1–PA4 / 0–4) or
 * `BIOVID_LABEL_CONFLICT` (folder and name disagree), each naming the file.
 *
 * @example
 * describeBiovidPath('/data/biosignals_filtered/071309_w_21/071309_w_21-PA3-054_bio.csv');
 * // { subject: '071309_w_21', classIndex: 3, label: 'PA3', trial: 54, layout: 'part-a' }
 */
export function describeBiovidPath(path: string): BiovidPathInfo {
  const parts = path.split(/[\\/]/).filter((part) => part !== '');
  const name = parts[parts.length - 1] ?? '';
  const parent = parts[parts.length - 2] ?? '';
  const grandparent = parts[parts.length - 3] ?? '';
  const named = PART_A_NAME.exec(name);

  if ((PART_A_SIGNAL_FOLDERS as readonly string[]).includes(grandparent)) {
    if (named === null) {
      throw new SignalsError('BIOVID_BAD_NAME', 'file name does not follow <subject>-<CLS>-<nnn>_bio.csv', { file: path });
    }
    const [, subject, token, trial] = named;
    return { subject, ...classOf(token, path), trial: Number(trial), layout: 'part-a' };
  }

  if (CLASS_FOLDER.test(parent) && name.toLowerCase().endsWith('.csv')) {
    const classIndex = Number(parent);
    if (classIndex > CLASS_LABELS.length - 1) {
      throw new SignalsError('BIOVID_UNKNOWN_CLASS', `unknown class folder "${parent}" (expected 0–4)`, { file: path });
    }
    const label = CLASS_LABELS[classIndex];
    if (named !== null && classIndexOf(named[2]) !== -1) {
      const [, subject, token, trial] = named;
      if (token !== label) {
        throw new SignalsError('BIOVID_LABEL_CONFLICT', `name says ${token} but folder ${parent} says ${label}`, { file: path });
      }
      return { subject, classIndex, label, trial: Number(trial), layout: 'class-folders' };
    }
    const stem = name.slice(0, -'.csv'.length);
    const dash = stem.indexOf('-');
    const subject = dash > 0 ? stem.slice(0, dash) : stem;
    const trailing = /(\d+)$/.exec(stem);
    return { subject, classIndex, label, trial: trailing === null ? 0 : Number(trailing[1]), layout: 'class-folders' };
  }

  throw new SignalsError(
    'BIOVID_BAD_NAME',
    'not a BioVid recording path (expected …/biosignals_filtered|biosignals_raw/<subject>/<subject>-<CLS>-<nnn>_bio.csv or <root>/<0..4>/<name>.csv)',
    { file: path },
  );
}

function classOf(token: string, path: string): { classIndex: number; label: ClassLabel } {
  const classIndex = classIndexOf(token);
  if (classIndex === -1) {
    throw new SignalsError('BIOVID_UNKNOWN_CLASS', `unknown class token "${token}" (expected ${CLASS_LABELS.join(', ')})`, { file: path });
  }
  return { classIndex, label: CLASS_LABELS[classIndex] };
}
