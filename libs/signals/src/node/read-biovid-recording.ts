/** @module Reads one BioVid `_bio.csv` file from disk into typed arrays (Node only). */
import { SignalsError } from '../errors.js';
import type { BiovidRecording, BiovidRecordingRef } from '../io/biovid-format.js';
import { describeBiovidPath } from '../io/describe-biovid-path.js';
import { parseBiovidCsv, type ParseBiovidCsvOptions } from '../io/parse-biovid-csv.js';
import { isNotFound, nodeFs } from './node-fs.js';

/** Options of `readBiovidRecording`: which channels to convert and how many rows to expect. */
export type ReadBiovidOptions = Pick<ParseBiovidCsvOptions, 'channels' | 'expectedRows'>;

/**
 * Reads one recording. Subject, class and trial come from the ref when one is given, else from
 * the path (`describeBiovidPath`). Only `options.channels` are converted (default all five);
 * time is always read. Errors are `SignalsError`s naming `file:line` (see `parseBiovidCsv`), plus
 * `BIOVID_NOT_FOUND` for a missing file and the path errors of `describeBiovidPath`.
 *
 * @example
 * const rec = await readBiovidRecording('/data/PartA/biosignals_filtered/071309_w_21/071309_w_21-PA4-012_bio.csv', { channels: ['gsr'] });
 * // rec.label === 'PA4', rec.sampleRate === 512, rec.channels.gsr.length === 2816
 */
export async function readBiovidRecording(source: string | BiovidRecordingRef, options: ReadBiovidOptions = {}): Promise<BiovidRecording> {
  const ref: BiovidRecordingRef = typeof source === 'string' ? { path: source, ...describeBiovidPath(source) } : source;
  const fs = await nodeFs();
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(ref.path);
  } catch (error) {
    if (isNotFound(error)) throw new SignalsError('BIOVID_NOT_FOUND', 'no such file', { file: ref.path });
    throw error;
  }
  const parsed = parseBiovidCsv(bytes, { ...options, file: ref.path });
  return { ...ref, ...parsed };
}
