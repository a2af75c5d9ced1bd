/**
 * @module Writes a synthetic cohort to disk in the real BioVid Part A layout (Node only):
 * `<dir>/biosignals_filtered/<subject>/<subject>-<CLS>-<nnn>_bio.csv`, `<dir>/samples.csv` and
 * `<dir>/cohort.json` (the configuration and subject parameters it was generated from).
 */
import { CLASS_LABELS } from '../io/biovid-format.js';
import { formatBiovidCsv } from '../io/format-biovid-csv.js';
import type { SyntheticCohort, SyntheticTrial } from '../synth/generate-cohort.js';
import { joinPath, nodeFs } from './node-fs.js';

/** Progress of `writeBiovidCohort`, after each file. */
export interface WriteCohortProgress {
  readonly written: number;
  readonly total: number;
  readonly bytes: number;
  readonly path: string;
}

/** Options of `writeBiovidCohort`. */
export interface WriteBiovidCohortOptions {
  /** Decimals written for channel values; default 6. */
  readonly decimals?: number;
  /** Write only trials whose index ≡ `shard.index` (mod `shard.count`); the index files too only for shard 0. */
  readonly shard?: { readonly index: number; readonly count: number };
  /** Called after each file. */
  readonly onProgress?: (progress: WriteCohortProgress) => void;
}

/** What `writeBiovidCohort` wrote. */
export interface WriteCohortResult {
  readonly files: number;
  readonly bytes: number;
}

/** Name of the `.csv` of a trial: `<subject>-<CLS>-<nnn>_bio.csv`. */
export function biovidFileName(trial: Pick<SyntheticTrial, 'subject' | 'classIndex' | 'trial'>): string {
  return `${trial.subject}-${CLASS_LABELS[trial.classIndex]}-${trial.trial.toString().padStart(3, '0')}_bio.csv`;
}

/** Path of a trial's file below `dir`. */
export function biovidCohortPath(dir: string, trial: Pick<SyntheticTrial, 'subject' | 'classIndex' | 'trial'>): string {
  return joinPath(dir, 'biosignals_filtered', trial.subject, biovidFileName(trial));
}

/**
 * Writes `cohort` under `dir` in the Part A layout: one tab-separated `_bio.csv` per trial (header
 * `time gsr ecg emg_trapezius emg_corrugator emg_zygomaticus`, time in integer µs, values with
 * `decimals` places), `samples.csv` (one row per trial: subject_id, subject_name, class_id,
 * class_name, sample_id, sample_name) and `cohort.json`. Rendering of the next file overlaps the
 * writing of the previous ones.
 *
 * @example
 * const cohort = generateCohort({ subjects: 87, seed: 1 });
 * await writeBiovidCohort(cohort, '/tmp/biovid-synth'); // 8,700 files
 */
export async function writeBiovidCohort(
  cohort: SyntheticCohort,
  dir: string,
  options: WriteBiovidCohortOptions = {},
): Promise<WriteCohortResult> {
  const fs = await nodeFs();
  const shard = options.shard ?? { index: 0, count: 1 };
  const trials = cohort.trials.filter((trial) => trial.index % shard.count === shard.index);
  for (const subject of new Set(trials.map((trial) => trial.subject))) {
    await fs.mkdir(joinPath(dir, 'biosignals_filtered', subject), { recursive: true });
  }
  if (shard.index === 0) {
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(joinPath(dir, 'samples.csv'), samplesCsv(cohort));
    await fs.writeFile(joinPath(dir, 'cohort.json'), JSON.stringify({ config: cohort.config, subjects: cohort.subjects }, null, 2) + '\n');
  }
  const pending = new Set<Promise<void>>();
  let written = 0;
  let bytes = 0;
  for (const trial of trials) {
    const content = formatBiovidCsv(cohort.render(trial.index), { decimals: options.decimals });
    const path = biovidCohortPath(dir, trial);
    const write: Promise<void> = fs.writeFile(path, content).then(() => {
      pending.delete(write);
      written++;
      bytes += content.length;
      options.onProgress?.({ written, total: trials.length, bytes, path });
    });
    pending.add(write);
    if (pending.size >= 16) await Promise.race(pending);
  }
  await Promise.all(pending);
  return { files: written, bytes };
}

function samplesCsv(cohort: SyntheticCohort): string {
  const subjectIds = [...new Set(cohort.trials.map((trial) => trial.subject))];
  const lines = ['subject_id\tsubject_name\tclass_id\tclass_name\tsample_id\tsample_name'];
  for (const trial of cohort.trials) {
    const name = biovidFileName(trial).replace(/_bio\.csv$/, '');
    lines.push([subjectIds.indexOf(trial.subject), trial.subject, trial.classIndex, trial.label, trial.index, name].join('\t'));
  }
  return lines.join('\n') + '\n';
}
