/** @module A BioVid folder (Part A layout or class folders) as model windows. */
import type { WindowDataset } from '@painkd/distill';
import { SignalsError, type PreprocessConfig } from '@painkd/signals';
import { loadBiovid } from '@painkd/signals/node';
import { buildDataset, type RawWindow } from './dataset-builder.js';
import { TrainerError } from '../errors.js';

/**
 * Reads every recording under `root` (GSR only) and preprocesses it. Any bad file, an empty
 * folder, or fewer than 3 subjects throws `CLI_BAD_DATA` with a message naming the folder and,
 * for parse errors, the `file:line` at fault.
 *
 * @example
 * const data = await biovidDataset('/data/biovid/PartA', preprocess, (done, total) => {});
 */
export async function biovidDataset(root: string, preprocess: PreprocessConfig, onProgress?: (done: number, total: number) => void): Promise<WindowDataset> {
  let recordings;
  try {
    ({ recordings } = await loadBiovid(root, { channels: ['gsr'], onBadFile: 'throw', ...(onProgress ? { onProgress: (p) => onProgress(p.done, p.total) } : {}) }));
  } catch (error) {
    if (error instanceof SignalsError) throw new TrainerError('CLI_BAD_DATA', `--data ${root}: ${error.message} [${error.code}]`, { cause: error });
    throw new TrainerError('CLI_BAD_DATA', `--data ${root}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  if (recordings.length === 0) throw new TrainerError('CLI_BAD_DATA', `--data ${root}: no BioVid recordings (*_bio.csv) found`);
  const sorted = [...recordings].sort((a, b) => (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : a.classIndex - b.classIndex || a.trial - b.trial));
  const windows: RawWindow[] = sorted.map((r) => {
    const gsr = r.channels.gsr;
    if (!gsr) throw new TrainerError('CLI_BAD_DATA', `--data ${root}: ${r.path} has no gsr column`);
    return { subject: r.subject, classIndex: r.classIndex, sampleRate: r.sampleRate, gsr, origin: r.path };
  });
  let data: WindowDataset;
  try {
    data = await buildDataset(windows, preprocess, windows.length);
  } catch (error) {
    throw new TrainerError('CLI_BAD_DATA', `--data ${root}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  if (data.subjects.length < 3) throw new TrainerError('CLI_BAD_DATA', `--data ${root}: cross-validation needs at least 3 subjects, found ${data.subjects.length}`);
  return data;
}
