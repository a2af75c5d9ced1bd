/**
 * @module What a wrist EDA sensor does to skin conductance, as one JSON-serialisable config with
 * defaults from the Empatica E4's published specification and the wrist-EDA literature (see the
 * package README, "Wearable view", for every number's source).
 */

/** Motion-artefact bursts: brief multiplicative changes of the measured conductance (electrode contact). */
export interface WearableMotionConfig {
  /** Mean bursts per minute (Poisson). */
  readonly ratePerMinute: number;
  /** Each burst lasts a uniform draw in [minSeconds, maxSeconds]. */
  readonly minSeconds: number;
  readonly maxSeconds: number;
  /** Raised-cosine onset and offset of a burst, s (capped at half its duration). */
  readonly edgeSeconds: number;
  /** Each burst multiplies the signal by `1 + a`, a uniform in [−max, +max]; max < 1. */
  readonly maxRelativeAmplitude: number;
}

/** Dropouts: runs of missing samples (NaN) at the device rate, as lost packets or samples removed by quality control. */
export interface WearableDropoutConfig {
  /** Mean dropouts per minute (Poisson). */
  readonly ratePerMinute: number;
  /** Each dropout lasts a uniform draw in [minSeconds, maxSeconds]. */
  readonly minSeconds: number;
  readonly maxSeconds: number;
  /**
   * At most this fraction of a window's samples goes missing (later dropouts are cut short). Keep
   * it at or below the view's `preprocess.missing.maxMissingFraction` (`parseViewConfig` checks),
   * so fill-missing never rejects a degraded window.
   */
  readonly maxFraction: number;
}

/** A wrist sensor: rate, resolution, range, noise, motion artefacts and dropouts. Plain JSON. */
export interface WearableConfig {
  /** Device sampling rate, Hz (reached with the anti-aliasing polyphase resampler). */
  readonly sampleRate: number;
  /** Quantisation step, µS (`0` = none): every output sample is a whole multiple of it. */
  readonly resolutionUs: number;
  /** Measurement range, µS: samples are clipped to it (then quantised inside it). */
  readonly rangeUs: { readonly min: number; readonly max: number };
  /** Standard deviation of white measurement noise added at the device rate, µS. */
  readonly noiseUs: number;
  /** Motion-artefact bursts, or `null` for none. */
  readonly motion: WearableMotionConfig | null;
  /** Dropouts, or `null` for none. */
  readonly dropouts: WearableDropoutConfig | null;
}

/**
 * The default wrist sensor: an Empatica E4 (4 Hz, 900 pS resolution, 0.01–100 µS), 0.01 µS
 * noise, one motion burst and one dropout per minute on average.
 */
export const DEFAULT_WEARABLE_CONFIG: WearableConfig = Object.freeze({
  sampleRate: 4,
  resolutionUs: 0.0009,
  rangeUs: Object.freeze({ min: 0.01, max: 100 }),
  noiseUs: 0.01,
  motion: Object.freeze({ ratePerMinute: 1, minSeconds: 0.5, maxSeconds: 2, edgeSeconds: 0.1, maxRelativeAmplitude: 0.3 }),
  dropouts: Object.freeze({ ratePerMinute: 1, minSeconds: 0.25, maxSeconds: 1, maxFraction: 0.15 }),
});
