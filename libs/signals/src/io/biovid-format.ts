/** @module The BioVid Heat Pain Database (Part A) file format: class labels, columns and record types. */

/** The five BioVid Part A classes, in class-index order: baseline, then pain levels 1–4. */
export const CLASS_LABELS = ['BL1', 'PA1', 'PA2', 'PA3', 'PA4'] as const;

/** One BioVid class token (`BL1`, `PA1` … `PA4`). */
export type ClassLabel = (typeof CLASS_LABELS)[number];

/** The columns of a BioVid `_bio.csv` file, in the order BioVid writes them. */
export const BIOVID_COLUMNS = ['time', 'gsr', 'ecg', 'emg_trapezius', 'emg_corrugator', 'emg_zygomaticus'] as const;

/** A BioVid column name, `time` included. */
export type BiovidColumn = (typeof BIOVID_COLUMNS)[number];

/** A signal channel: every BioVid column except `time`. */
export type ChannelName = Exclude<BiovidColumn, 'time'>;

/** The five signal channels, in file order. */
export const CHANNEL_NAMES: readonly ChannelName[] = ['gsr', 'ecg', 'emg_trapezius', 'emg_corrugator', 'emg_zygomaticus'];

/** BioVid's sampling rate in Hz. */
export const BIOVID_SAMPLE_RATE = 512;

/** Rows in one BioVid Part A window: 5.5 s at 512 Hz. */
export const BIOVID_WINDOW_ROWS = 2816;

/** Which folder layout a recording was found in (see `scanBiovid`). */
export type BiovidLayout = 'part-a' | 'class-folders';

/** Channels read from one file; only the requested ones are present. */
export type BiovidChannels = Partial<Record<ChannelName, Float32Array>>;

/** Where a recording lives and what it is, without its samples. */
export interface BiovidRecordingRef {
  /** Path of the `.csv` file, as found (joined onto the scanned root). */
  readonly path: string;
  /** Subject id, e.g. `071309_w_21`; recordings of one person share it (use it to group folds). */
  readonly subject: string;
  /** 0 = BL1, 1 = PA1 … 4 = PA4. */
  readonly classIndex: number;
  /** The class token, `CLASS_LABELS[classIndex]`. */
  readonly label: ClassLabel;
  /** Trial (sample) number, the `nnn` of `<subject>-<CLS>-<nnn>_bio.csv`. */
  readonly trial: number;
  /** The layout the file was found in. */
  readonly layout: BiovidLayout;
}

/** One parsed recording: its identity, its time axis and the requested channels. */
export interface BiovidRecording extends BiovidRecordingRef {
  /** Sampling rate in Hz inferred from the time column (512 for BioVid). */
  readonly sampleRate: number;
  /** Time stamps in microseconds, as written in the file. */
  readonly timeUs: Float64Array;
  /** The requested channels, each as long as `timeUs`. */
  readonly channels: BiovidChannels;
}

/** Returns the class index of a token, or -1 when it is not one of `CLASS_LABELS`. */
export function classIndexOf(token: string): number {
  return (CLASS_LABELS as readonly string[]).indexOf(token);
}
