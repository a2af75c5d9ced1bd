/** @module Public exports of the preprocess part of @painkd/signals. */
export type { SignalLike } from './arguments.js';
export { savitzkyGolay } from './savitzky-golay.js';
export { fillMissing, DEFAULT_MAX_MISSING_FRACTION, type FillMissingOptions } from './fill-missing.js';
export { clipOutliers, DEFAULT_Z_THRESHOLD, type ClipOutliersOptions } from './clip-outliers.js';
export { computeSignalStats, isFlat, FLAT_RELATIVE_TOLERANCE, type SignalStats } from './signal-stats.js';
export { minMaxNormalize } from './min-max-normalize.js';
export { zScoreNormalize } from './z-score-normalize.js';
export {
  normalizeSignal,
  type NormalizationConfig,
  type NormalizationMethod,
  type NormalizationScope,
} from './normalize-signal.js';
export {
  resampleFactors,
  gcd,
  MIN_SAMPLE_RATE_HZ,
  MAX_SAMPLE_RATE_HZ,
  MAX_RESAMPLE_FACTOR,
  type ResampleFactors,
} from './resample-factors.js';
export {
  resample,
  resamplePoly,
  RESAMPLE_KAISER_BETA,
  type ResampleOptions,
  type ResamplePadType,
} from './resample.js';
export { padOrTruncate, type PadMode, type PadOrTruncateOptions } from './pad-or-truncate.js';
export { windowSignal, type SignalWindow } from './window-signal.js';
export {
  DEFAULT_PREPROCESS_CONFIG,
  secondsToSamples,
  smoothingWindowLength,
  type PreprocessConfig,
} from './preprocess-config.js';
export { parsePreprocessConfig } from './parse-preprocess-config.js';
export { preprocessWindow, shapeWindow } from './preprocess-window.js';
export { preprocessRecording, computeSubjectStats, type PreprocessRecordingOptions } from './preprocess-recording.js';
