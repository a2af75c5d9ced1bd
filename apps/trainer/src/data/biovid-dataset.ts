/** @module A BioVid folder (Part A layout or class folders) as model windows. */
import type { WindowDataset } from '@painkd/distill';
import { SignalsError, type ChannelName, type ViewConfig } from '@painkd/signals';
import { loadBiovid } from '@painkd/signals/node';
import { buildViewDatasets, type RawWindow } from './dataset-builder.js';
import { TrainerError } from '../errors.js';

/**
 * Reads every recording under `root` (the channels the views use, nothing else) and preprocesses
 * it through every view. Any bad file, a missing channel, an empty folder, or fewer than 3
 * subjects throws `CLI_BAD_DATA` with a message naming the folder and, for parse errors, the
 * `file:line` at fault.
 *
 * @example
 * const { lab } = await biovidDataset('/data/biovid/PartA', views, 1, (done, total) => {});
 */
export async function biovidDataset(
  root: string,
  views: Readonly<Record<string, ViewConfig>>,
  seed: number,
  onProgress?: (done: number, total: number) => void,
): Promise<Record<string, WindowDataset>> {
  const channels = [...new Set(Object.values(views).flatMap((v) => v.channels.map((c) => c.source)))] as ChannelName[];
  let recordings;
  try {
    ({ recordings } = await loadBiovid(root, { channels, onBadFile: 'throw', ...(onProgress ? { onProgress: (p) => onProgress(p.done, p.total) } : {}) }));
  } catch (error) {
    if (error instanceof SignalsError) throw new TrainerError('CLI_BAD_DATA', `--data ${root}: ${error.message} [${error.code}]`, { cause: error });
    throw new TrainerError('CLI_BAD_DATA', `--data ${root}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  if (recordings.length === 0) throw new TrainerError('CLI_BAD_DATA', `--data ${root}: no BioVid recordings (*_bio.csv) found`);
  const sorted = [...recordings].sort((a, b) => (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : a.classIndex - b.classIndex || a.trial - b.trial));
  const windows: RawWindow[] = sorted.map((r) => {
    const absent = channels.filter((c) => !r.channels[c]);
    if (absent.length > 0) throw new TrainerError('CLI_BAD_DATA', `--data ${root}: ${r.path} has no ${absent.join(', ')} column`);
    return { subject: r.subject, classIndex: r.classIndex, trial: r.trial, sampleRate: r.sampleRate, channels: r.channels, origin: r.path };
  });
  let data: Record<string, WindowDataset>;
  try {
    data = await buildViewDatasets(windows, views, { seed, expected: windows.length });
  } catch (error) {
    throw new TrainerError('CLI_BAD_DATA', `--data ${root}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const subjects = Object.values(data)[0]?.subjects.length ?? 0;
  if (subjects < 3) throw new TrainerError('CLI_BAD_DATA', `--data ${root}: cross-validation needs at least 3 subjects, found ${subjects}`);
  return data;
}
