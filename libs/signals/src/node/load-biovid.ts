/** @module Loads every BioVid recording under a folder, throwing on or skipping (and naming) bad files. */
import { SignalsError } from '../errors.js';
import type { BiovidRecording } from '../io/biovid-format.js';
import { readBiovidRecording, type ReadBiovidOptions } from './read-biovid-recording.js';
import { scanBiovidWithErrors, toSkipped, type BiovidSkippedFile } from './scan-biovid.js';

/** Progress of `loadBiovid`, reported after each file. */
export interface LoadBiovidProgress {
  /** Files handled so far (read or skipped). */
  readonly done: number;
  /** Files found by the scan. */
  readonly total: number;
  /** Files skipped so far. */
  readonly skipped: number;
  /** The file just handled. */
  readonly path: string;
}

/** Options of `loadBiovid`. */
export interface LoadBiovidOptions extends ReadBiovidOptions {
  /** `'throw'` (default): the first bad file throws. `'skip'`: bad files go to `skipped`. */
  readonly onBadFile?: 'throw' | 'skip';
  /** Called after each file. */
  readonly onProgress?: (progress: LoadBiovidProgress) => void;
  /** Files read at once; default 8. */
  readonly concurrency?: number;
}

/** What `loadBiovid` returns: recordings in scan order, and every skipped file with its error. */
export interface LoadBiovidResult {
  readonly recordings: BiovidRecording[];
  readonly skipped: BiovidSkippedFile[];
}

/**
 * Scans `root` (see `scanBiovid`) and reads every recording. With `onBadFile: 'skip'`, files that
 * cannot be described or parsed are left out and listed in `skipped` with their code and message
 * (`file:line: …`) — never dropped silently; other failures (permissions, I/O) still throw.
 *
 * @example
 * const { recordings, skipped } = await loadBiovid('/data/PartA', { channels: ['gsr'], onBadFile: 'skip' });
 * if (skipped.length > 0) console.warn(`${skipped.length} bad files`, skipped.map((s) => s.message));
 */
export async function loadBiovid(root: string, options: LoadBiovidOptions = {}): Promise<LoadBiovidResult> {
  const skip = (options.onBadFile ?? 'throw') === 'skip';
  const scan = await scanBiovidWithErrors(root);
  if (!skip && scan.errors[0] !== undefined) throw scan.errors[0];
  const skipped: BiovidSkippedFile[] = scan.errors.map((error) => toSkipped(error, root));
  const refs = scan.recordings;
  const total = refs.length + skipped.length;
  const slots: Array<BiovidRecording | undefined> = new Array(refs.length);
  const read = { channels: options.channels, expectedRows: options.expectedRows };
  let next = 0;
  let done = skipped.length;

  const worker = async (): Promise<void> => {
    while (next < refs.length) {
      const index = next++;
      const ref = refs[index];
      try {
        slots[index] = await readBiovidRecording(ref, read);
      } catch (error) {
        if (!skip || !(error instanceof SignalsError)) throw error;
        skipped.push(toSkipped(error, ref.path));
      }
      done++;
      options.onProgress?.({ done, total, skipped: skipped.length, path: ref.path });
    }
  };
  const concurrency = Math.max(1, Math.min(options.concurrency ?? 8, refs.length));
  await Promise.all(Array.from({ length: concurrency }, worker));

  skipped.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { recordings: slots.filter((r): r is BiovidRecording => r !== undefined), skipped };
}
