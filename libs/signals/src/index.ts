/**
 * @module @painkd/signals — BioVid I/O, GSR preprocessing, resampling, streaming windows, signal quality and a
 * synthetic cohort. Pure TypeScript on typed arrays: no ML, no server dependency.
 */
export * from './errors.js';
export * from './io/index.js';
export * from './preprocess/index.js';
export * from './stream/index.js';
export * from './synth/index.js';
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
