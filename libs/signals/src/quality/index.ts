/** @module Public exports of the signal-quality part of @painkd/signals. */
export { assessSignalQuality, type SignalQuality, type SignalQualityReport } from './assess-signal-quality.js';
export { measureSignal, type SignalMeasures } from './measure-signal.js';
export {
  DEFAULT_SIGNAL_QUALITY_CONFIG,
  QUALITY_FLAGS,
  signalQualityConfig,
  type QualityFlag,
  type SignalQualityConfig,
} from './quality-config.js';
