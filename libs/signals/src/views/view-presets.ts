/**
 * @module The named views of painkd's experiments: today's lab GSR input, the all-channel lab
 * teacher and the wrist student. Each equals `parseViewConfig` of its own JSON.
 */
import { DEFAULT_PREPROCESS_CONFIG } from '../preprocess/preprocess-config.js';
import { DEFAULT_WEARABLE_CONFIG } from '../wearable/wearable-config.js';
import type { EnvelopeChannel, ViewConfig } from './view-config.js';

const envelope = (source: EnvelopeChannel['source']): EnvelopeChannel =>
  Object.freeze({ source, feature: 'envelope', highPassHz: 20, lowPassHz: null, windowSeconds: 0.25, log: false });

/** Lab GSR at 32 Hz through today's chain: exactly `preprocessWindow` with `DEFAULT_PREPROCESS_CONFIG`. */
export const LAB_GSR_VIEW: ViewConfig = Object.freeze({
  channels: Object.freeze([Object.freeze({ source: 'gsr', feature: 'level' } as const)]),
  preprocess: DEFAULT_PREPROCESS_CONFIG,
  wearable: null,
});

/**
 * The lab teacher: all five channels at 32 Hz — GSR level, heart rate from the ECG, and the RMS
 * envelopes of trapezius, corrugator and zygomaticus EMG (channel order as listed).
 */
export const LAB_ALL_CHANNELS_VIEW: ViewConfig = Object.freeze({
  channels: Object.freeze([
    Object.freeze({ source: 'gsr', feature: 'level' } as const),
    Object.freeze({ source: 'ecg', feature: 'heart-rate', minBpm: 30, maxBpm: 220 } as const),
    envelope('emg_trapezius'),
    envelope('emg_corrugator'),
    envelope('emg_zygomaticus'),
  ]),
  preprocess: DEFAULT_PREPROCESS_CONFIG,
  wearable: null,
});

/**
 * The wrist student: GSR through the default wearable degradation (E4-like, 4 Hz), then the GSR
 * chain at 4 Hz (22 samples per 5.5-s window) without smoothing (nothing is left above the
 * device's 2 Hz Nyquist to smooth; a 3-sample quadratic Savitzky–Golay would be the identity).
 */
export const WEARABLE_GSR_VIEW: ViewConfig = Object.freeze({
  channels: Object.freeze([Object.freeze({ source: 'gsr', feature: 'level' } as const)]),
  preprocess: Object.freeze({ ...DEFAULT_PREPROCESS_CONFIG, sampleRate: 4, windowSamples: 22, smoothing: null }),
  wearable: DEFAULT_WEARABLE_CONFIG,
});
