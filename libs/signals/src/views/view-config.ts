/**
 * @module An input view: which channels of a recording a model sees, what feature each becomes,
 * at which rate and window, and whether the GSR first goes through a wearable sensor. Plain JSON
 * (it goes into experiment configs and model manifests); build one with `parseViewConfig`.
 */
import type { ChannelName } from '../io/biovid-format.js';
import type { PreprocessConfig } from '../preprocess/preprocess-config.js';
import type { WearableConfig } from '../wearable/wearable-config.js';

/** The three EMG channels. */
export type EmgChannelName = Extract<ChannelName, `emg_${string}`>;

/** GSR through the preprocessing chain (`preprocessWindow` steps 1–6): the tonic and phasic level. */
export interface LevelChannel {
  readonly source: 'gsr';
  readonly feature: 'level';
}

/** ECG → R peaks → instantaneous heart rate (bpm) on the model grid. */
export interface HeartRateChannel {
  readonly source: 'ecg';
  readonly feature: 'heart-rate';
  /** R–R intervals implying a rate outside [minBpm, maxBpm] are ignored (missed or extra beats). */
  readonly minBpm: number;
  readonly maxBpm: number;
}

/** The band-passed raw signal (zero-phase 2nd-order Butterworth edges), resampled. */
export interface BandpassChannel {
  readonly source: 'ecg' | EmgChannelName;
  readonly feature: 'bandpass';
  /** High-pass edge, Hz, or `null` for none. */
  readonly lowHz: number | null;
  /** Low-pass edge, Hz, or `null` for none (the resampler still removes what lies above the model's Nyquist). */
  readonly highHz: number | null;
}

/** EMG → RMS envelope (activation amplitude), resampled, optionally `log1p`-compressed. */
export interface EnvelopeChannel {
  readonly source: EmgChannelName;
  readonly feature: 'envelope';
  /** High-pass edge before squaring, Hz. */
  readonly highPassHz: number;
  /** Optional low-pass edge before squaring, Hz, or `null`. */
  readonly lowPassHz: number | null;
  /** RMS (moving-mean) window, s. */
  readonly windowSeconds: number;
  /** `true`: the envelope becomes `ln(1 + envelope)` after resampling. */
  readonly log: boolean;
}

/** Any channel, resampled only. */
export interface RawChannel {
  readonly source: ChannelName;
  readonly feature: 'raw';
}

/** One channel of a view: a source channel and the feature computed from it. */
export type ViewChannel = LevelChannel | HeartRateChannel | BandpassChannel | EnvelopeChannel | RawChannel;

/** The feature names. */
export type ViewFeature = ViewChannel['feature'];

/**
 * A view. `preprocess` sets the model rate and window for every channel, the missing-value limit,
 * the resampler's padding, length fixing and normalisation (per channel); its outlier clipping and
 * smoothing belong to the GSR `level` chain only. `wearable`, when set, degrades the GSR source
 * before its feature (the other channels are untouched).
 */
export interface ViewConfig {
  readonly channels: readonly ViewChannel[];
  readonly preprocess: PreprocessConfig;
  readonly wearable: WearableConfig | null;
}

/** One window of a recording: its rate and (at least) the channels a view reads. */
export interface ViewRecording {
  readonly sampleRate: number;
  readonly channels: Partial<Record<ChannelName, ArrayLike<number>>>;
}
