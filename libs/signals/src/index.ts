/**
 * @module @painkd/signals — BioVid format, GSR preprocessing, channel features, input views (lab
 * and wearable), resampling, streaming windows, signal-quality checks and a synthetic cohort. Pure TypeScript on typed
 * arrays: no ML, no server dependency, no Node built-in, so it runs in Node, a browser and on the
 * edge. The Node-only readers, the cohort writer and the synth command are `@painkd/signals/node`.
 */
export { SignalsError, type ErrorLocation, type SignalsErrorCode } from './errors.js';

// BioVid format (pure).
export {
  BIOVID_COLUMNS,
  BIOVID_SAMPLE_RATE,
  BIOVID_WINDOW_ROWS,
  CHANNEL_NAMES,
  CLASS_LABELS,
  classIndexOf,
  type BiovidChannels,
  type BiovidColumn,
  type BiovidLayout,
  type BiovidRecording,
  type BiovidRecordingRef,
  type ChannelName,
  type ClassLabel,
} from './io/biovid-format.js';
export { describeBiovidPath, type BiovidPathInfo } from './io/describe-biovid-path.js';
export { formatBiovidCsv, type BiovidCsvContent, type FormatBiovidCsvOptions } from './io/format-biovid-csv.js';
export { parseBiovidCsv, type ParseBiovidCsvOptions, type ParsedBiovidCsv } from './io/parse-biovid-csv.js';

// Preprocessing (the GSR chain and its steps).
export type { SignalLike } from './preprocess/arguments.js';
export { savitzkyGolay } from './preprocess/savitzky-golay.js';
export { fillMissing, DEFAULT_MAX_MISSING_FRACTION, type FillMissingOptions } from './preprocess/fill-missing.js';
export { clipOutliers, DEFAULT_Z_THRESHOLD, type ClipOutliersOptions } from './preprocess/clip-outliers.js';
export { computeSignalStats, isFlat, FLAT_RELATIVE_TOLERANCE, type SignalStats } from './preprocess/signal-stats.js';
export { minMaxNormalize } from './preprocess/min-max-normalize.js';
export { zScoreNormalize } from './preprocess/z-score-normalize.js';
export {
  normalizeSignal,
  type NormalizationConfig,
  type NormalizationMethod,
  type NormalizationScope,
} from './preprocess/normalize-signal.js';
export {
  resampleFactors,
  gcd,
  MIN_SAMPLE_RATE_HZ,
  MAX_SAMPLE_RATE_HZ,
  MAX_RESAMPLE_FACTOR,
  type ResampleFactors,
} from './preprocess/resample-factors.js';
export {
  resample,
  resamplePoly,
  RESAMPLE_KAISER_BETA,
  type ResampleOptions,
  type ResamplePadType,
} from './preprocess/resample.js';
export { padOrTruncate, type PadMode, type PadOrTruncateOptions } from './preprocess/pad-or-truncate.js';
export { windowSignal, type SignalWindow } from './preprocess/window-signal.js';
export {
  DEFAULT_PREPROCESS_CONFIG,
  secondsToSamples,
  smoothingWindowLength,
  type PreprocessConfig,
} from './preprocess/preprocess-config.js';
export { parsePreprocessConfig } from './preprocess/parse-preprocess-config.js';
export { preprocessWindow, shapeWindow } from './preprocess/preprocess-window.js';
export { preprocessRecording, computeSubjectStats, type PreprocessRecordingOptions } from './preprocess/preprocess-recording.js';

// Streaming.
export {
  StreamWindower,
  createStreamWindower,
  type StreamChunk,
  type StreamWindowerOptions,
} from './stream/stream-windower.js';

// Synthetic cohort and seeded randomness.
export { addBateman } from './synth/bateman.js';
export {
  generateCohort,
  resolveCohortConfig,
  type CohortConfig,
  type CohortOptions,
  type SyntheticCohort,
  type SyntheticRecording,
  type SyntheticTrial,
} from './synth/generate-cohort.js';
export { DEFAULT_PHYSIOLOGY, type PhysiologyModel } from './synth/physiology-model.js';
export { createRng, deriveSeed, mulberry32, type RandomSource, type Rng } from './synth/random.js';
export type { EmgBurst, SessionPlan, SessionWindow, StimulusDraw, WindowTiming } from './synth/session-plan.js';
export type { SyntheticSubject } from './synth/subject-profile.js';

// Channel features.
export { detectRPeaks, MIN_ECG_SAMPLE_RATE_HZ } from './features/r-peaks.js';
export { heartRateTrace, type HeartRateTraceOptions } from './features/heart-rate-trace.js';
export { rmsEnvelope, type RmsEnvelopeOptions } from './features/rms-envelope.js';

// Wearable sensor degradation.
export {
  DEFAULT_WEARABLE_CONFIG,
  type WearableConfig,
  type WearableDropoutConfig,
  type WearableMotionConfig,
} from './wearable/wearable-config.js';
export { parseWearableConfig } from './wearable/parse-wearable-config.js';
export { degradeToWearable, type WearableSignal } from './wearable/degrade-to-wearable.js';

// Input views.
export type {
  BandpassChannel,
  EmgChannelName,
  EnvelopeChannel,
  HeartRateChannel,
  LevelChannel,
  RawChannel,
  ViewChannel,
  ViewConfig,
  ViewFeature,
  ViewRecording,
} from './views/view-config.js';
export { parseViewConfig } from './views/parse-view-config.js';
export { LAB_ALL_CHANNELS_VIEW, LAB_GSR_VIEW, WEARABLE_GSR_VIEW } from './views/view-presets.js';
export { preprocessView, type PreprocessViewOptions, type ViewSubjectStats } from './views/preprocess-view.js';
export { computeViewSubjectStats, type ViewWindow } from './views/compute-view-subject-stats.js';

// Signal quality (plausibility of a skin-conductance window).
export {
  assessSignalQuality,
  DEFAULT_SIGNAL_QUALITY_CONFIG,
  measureSignal,
  QUALITY_FLAGS,
  signalQualityConfig,
  type QualityFlag,
  type SignalMeasures,
  type SignalQuality,
  type SignalQualityConfig,
  type SignalQualityReport,
} from './quality/index.js';
