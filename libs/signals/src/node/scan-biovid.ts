/**
 * @module Finds BioVid recordings under a folder, in the real Part A layout and in the seed's
 * class-folder layout, sorted the same way on every machine.
 */
import { SignalsError, type SignalsErrorCode } from '../errors.js';
import type { BiovidRecordingRef } from '../io/biovid-format.js';
import { describeBiovidPath, PART_A_SIGNAL_FOLDERS } from '../io/describe-biovid-path.js';
import { isNotFound, joinPath, nodeFs, type NodeFs } from './node-fs.js';

/** A file that could not be used, with the code and message of its error. */
export interface BiovidSkippedFile {
  readonly path: string;
  readonly code: SignalsErrorCode;
  readonly message: string;
}

/** Everything a scan found: usable recordings and files whose name or folder is unusable. */
export interface BiovidScanResult {
  readonly recordings: BiovidRecordingRef[];
  readonly bad: BiovidSkippedFile[];
}

const MAX_DEPTH = 8;

/**
 * Finds every BioVid recording under `root`:
 * (a) real Part A — `<root>/**​/biosignals_filtered|biosignals_raw/<subject>/<subject>-<CLS>-<nnn>_bio.csv`
 *     (a `samples.csv` beside them is allowed and ignored); when the same recording exists in both
 *     `biosignals_filtered` and `biosignals_raw` of one folder, the filtered file is kept;
 * (b) class folders — `<root>/<0..4>/<any>.csv` (see `describeBiovidPath` for subject and trial).
 * Both layouts may sit under one root. Hidden entries (`.name`) are skipped. The result is sorted
 * by subject, class, trial, then path. A root with no recordings gives `[]`.
 *
 * Throws `BIOVID_NOT_FOUND` when `root` is missing or not a folder, and the first file's error
 * (`BIOVID_BAD_NAME`, `BIOVID_UNKNOWN_CLASS`, `BIOVID_LABEL_CONFLICT`) when a file in either
 * layout cannot be described; use `loadBiovid(root, { onBadFile: 'skip' })` to skip those.
 *
 * @example
 * const refs = await scanBiovid('/data/PartA');
 * // [{ path: '/data/PartA/biosignals_filtered/071309_w_21/071309_w_21-BL1-081_bio.csv', subject: '071309_w_21', classIndex: 0, label: 'BL1', trial: 81, layout: 'part-a' }, …]
 */
export async function scanBiovid(root: string): Promise<BiovidRecordingRef[]> {
  const { recordings, errors } = await scanBiovidWithErrors(root);
  if (errors[0] !== undefined) throw errors[0];
  return recordings;
}

/** Like `scanBiovid`, but returns the files it could not describe instead of throwing. */
export async function scanBiovidFiles(root: string): Promise<BiovidScanResult> {
  const { recordings, errors } = await scanBiovidWithErrors(root);
  return { recordings, bad: errors.map((error) => toSkipped(error, root)) };
}

/** Describes a coded error as a skipped file. */
export function toSkipped(error: SignalsError, fallbackPath: string): BiovidSkippedFile {
  return { path: error.location.file ?? fallbackPath, code: error.code, message: error.message };
}

/** The scan itself: recordings, and the errors of files it could not describe (sorted by path). */
export async function scanBiovidWithErrors(root: string): Promise<{ recordings: BiovidRecordingRef[]; errors: SignalsError[] }> {
  const fs = await nodeFs();
  try {
    const info = await fs.stat(root);
    if (!info.isDirectory()) throw new SignalsError('BIOVID_NOT_FOUND', 'not a folder', { file: root });
  } catch (error) {
    if (isNotFound(error)) throw new SignalsError('BIOVID_NOT_FOUND', 'no such folder', { file: root });
    throw error;
  }
  const found = new Map<string, { ref: BiovidRecordingRef; filtered: boolean }>();
  const errors: SignalsError[] = [];
  const accept = (path: string, origin: string, filtered: boolean): void => {
    try {
      const ref = { path, ...describeBiovidPath(path) };
      const key = ref.layout === 'part-a' ? `${origin}\u0000${ref.subject}\u0000${ref.label}\u0000${ref.trial}` : path;
      const previous = found.get(key);
      if (previous === undefined || (filtered && !previous.filtered)) found.set(key, { ref, filtered });
    } catch (error) {
      if (!(error instanceof SignalsError)) throw error;
      errors.push(error);
    }
  };

  const walk = async (dir: string, depth: number): Promise<void> => {
    for (const entry of await listDirs(fs, dir)) {
      const path = joinPath(dir, entry);
      if ((PART_A_SIGNAL_FOLDERS as readonly string[]).includes(entry)) {
        const filtered = entry === PART_A_SIGNAL_FOLDERS[0];
        for (const subject of await listDirs(fs, path)) {
          for (const file of await listFiles(fs, joinPath(path, subject))) {
            if (file.endsWith('_bio.csv')) accept(joinPath(path, subject, file), dir, filtered);
          }
        }
      } else if (depth === 0 && /^\d+$/.test(entry)) {
        for (const file of await listFiles(fs, path)) {
          if (file.toLowerCase().endsWith('.csv')) accept(joinPath(path, file), dir, false);
        }
      } else if (depth < MAX_DEPTH) {
        await walk(path, depth + 1);
      }
    }
  };
  await walk(root, 0);

  const recordings = [...found.values()].map((entry) => entry.ref).sort(compareRefs);
  errors.sort((a, b) => compareText(a.location.file ?? '', b.location.file ?? ''));
  return { recordings, errors };
}

function compareRefs(a: BiovidRecordingRef, b: BiovidRecordingRef): number {
  return compareText(a.subject, b.subject) || a.classIndex - b.classIndex || a.trial - b.trial || compareText(a.path, b.path);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function listDirs(fs: NodeFs, dir: string): Promise<string[]> {
  return (await listEntries(fs, dir)).filter((entry) => entry.dir).map((entry) => entry.name);
}

async function listFiles(fs: NodeFs, dir: string): Promise<string[]> {
  return (await listEntries(fs, dir)).filter((entry) => !entry.dir).map((entry) => entry.name);
}

async function listEntries(fs: NodeFs, dir: string): Promise<Array<{ name: string; dir: boolean }>> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  const out: Array<{ name: string; dir: boolean }> = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    let isDir = entry.isDirectory();
    if (entry.isSymbolicLink()) {
      try {
        isDir = (await fs.stat(joinPath(dir, entry.name))).isDirectory();
      } catch (error) {
        if (isNotFound(error)) continue;
        throw error;
      }
    } else if (!isDir && !entry.isFile()) {
      continue;
    }
    out.push({ name: entry.name, dir: isDir });
  }
  return out.sort((a, b) => compareText(a.name, b.name));
}
