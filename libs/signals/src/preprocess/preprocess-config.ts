/**
 * @module The one typed, JSON-serialisable preprocessing configuration (it goes into the model
 * manifest) with its defaults, plus the derived sample counts.
 */
import type { PadMode } from './pad-or-truncate.js';
import type { NormalizationConfig } from './normalize-signal.js';
import type { ResamplePadType } from './resample.js';

/**
 * Everything that decides how a raw GSR window becomes model input. Build one with
 * {@link parsePreprocessConfig} (validates, fills defaults, derives `windowSamples`) or start from
 * {@link DEFAULT_PREPROCESS_CONFIG}. Plain data: `JSON.stringify` round-trips it.
 */
export interface PreprocessConfig {
  /** Model input rate in Hz (1–1024). Default 32: GSR carries little above ~2 Hz. */
  readonly sampleRate: number;
  /** Window duration in seconds. Default 5.5 (BioVid's stimulus windows: 2,816 samples at 512 Hz). */
  readonly windowSeconds: number;
  /** Derived: `round(windowSeconds × sampleRate)` samples per model window (default 176). */
  readonly windowSamples: number;
  /** Missing-value filling: more than this fraction of NaN/±Inf rejects the window. Default 0.2. */
  readonly missing: { readonly maxMissingFraction: number };
  /** Z-score clipping at the input rate, or `null` to skip. Default `{ zThreshold: 4 }`. */
  readonly outliers: { readonly zThreshold: number } | null;
  /** Resampler edge extension. Default `'edge'` (zeros would drag a µS-level signal toward 0). */
  readonly resampling: { readonly padType: ResamplePadType };
  /**
   * Length fixing after resampling: pad the end (`'edge'`/`'zeros'`) or truncate the end to
   * `windowSamples`, but reject inputs whose duration differs from `windowSeconds` by more than
   * `toleranceSeconds`. Default `{ padMode: 'edge', toleranceSeconds: 0.5 }`.
   */
  readonly length: { readonly padMode: PadMode; readonly toleranceSeconds: number };
  /**
   * Savitzky–Golay smoothing at the model rate, or `null` to skip. The window is the odd number of
   * samples `2·⌊windowSeconds·sampleRate/2⌋ + 1`. Default `{ windowSeconds: 0.5, polyOrder: 2 }`
   * (17 samples at 32 Hz, −3 dB near 4.6 Hz: sensor noise goes, skin-conductance responses with
   * their 0.5–1 s rise stay).
   */
  readonly smoothing: { readonly windowSeconds: number; readonly polyOrder: number } | null;
  /** Normalisation. Default `{ method: 'zscore', scope: 'window' }`. */
  readonly normalization: NormalizationConfig;
}

/** The defaults: 5.5-s windows at 32 Hz (176 samples), z-scored per window. */
export const DEFAULT_PREPROCESS_CONFIG: PreprocessConfig = Object.freeze({
  sampleRate: 32,
  windowSeconds: 5.5,
  windowSamples: 176,
  missing: Object.freeze({ maxMissingFraction: 0.2 }),
  outliers: Object.freeze({ zThreshold: 4 }),
  resampling: Object.freeze({ padType: 'edge' as const }),
  length: Object.freeze({ padMode: 'edge' as const, toleranceSeconds: 0.5 }),
  smoothing: Object.freeze({ windowSeconds: 0.5, polyOrder: 2 }),
  normalization: Object.freeze({ method: 'zscore' as const, scope: 'window' as const }),
});

/** Whole samples in `seconds` at `sampleRate` (rounded to nearest). */
export function secondsToSamples(seconds: number, sampleRate: number): number {
  return Math.round(seconds * sampleRate);
}

/** Odd Savitzky–Golay window length for `windowSeconds` at `sampleRate`: `2·⌊s·rate/2⌋ + 1`. */
export function smoothingWindowLength(windowSeconds: number, sampleRate: number): number {
  return 2 * Math.floor((windowSeconds * sampleRate) / 2 + 1e-9) + 1;
}
