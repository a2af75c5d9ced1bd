/** @module Test helper (not exported): temporary folders and BioVid text for the node-side tests. */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { BIOVID_COLUMNS } from '../io/biovid-format.js';

/** A fresh temporary folder; call the returned `cleanup` when done. */
export async function tempFolder(prefix: string): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), `painkd-${prefix}-`));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Writes `content` at `root/relative`, creating folders. Returns the full path. */
export async function put(root: string, relative: string, content: string): Promise<string> {
  const path = join(root, relative);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, content);
  return path;
}

/** A valid BioVid file of `rows` rows at 512 Hz; gsr of row r is `base + r / 1e4`. */
export function biovidText(rows = 2816, base = 5, newline = '\n'): string {
  const lines = [BIOVID_COLUMNS.join('\t')];
  for (let r = 0; r < rows; r++) {
    lines.push([Math.round((r * 1e6) / 512), (base + r / 1e4).toFixed(6), '0.1', '-1.5', '2.25', '0.5'].join('\t'));
  }
  return lines.join(newline) + newline;
}
