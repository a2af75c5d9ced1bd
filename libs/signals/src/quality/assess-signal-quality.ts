/**
 * @module Plausibility of one window of skin conductance: turns {@link measureSignal}'s
 * measurements into {@link QualityFlag}s with the thresholds of a {@link SignalQualityConfig}.
 */
import { measureSignal, type SignalMeasures } from './measure-signal.js';
import { DEFAULT_SIGNAL_QUALITY_CONFIG, type QualityFlag, type SignalQualityConfig } from './quality-config.js';

/** The verdict on one window: `ok` when no flag is raised. */
export interface SignalQuality {
  readonly ok: boolean;
  /** Raised flags, in the order of `QUALITY_FLAGS`. */
  readonly flags: readonly QualityFlag[];
}

/** A verdict with the measurements behind it. */
export interface SignalQualityReport extends SignalQuality {
  readonly measures: SignalMeasures;
}

/**
 * Checks a window (µS at `sampleRate` Hz) for every {@link QualityFlag}. Pure and allocation-light,
 * so servers can run it on every window. `config` is used as given (validate it once with
 * `signalQualityConfig`).
 *
 * @throws SignalsError `SIGNAL_INVALID_ARGUMENT` naming `x` or `sampleRate`.
 *
 * @example
 * assessSignalQuality(new Float32Array(22).fill(-400), 4).flags; // ['OUT_OF_RANGE', 'NEGATIVE', 'FLAT']
 */
export function assessSignalQuality(x: ArrayLike<number>, sampleRate: number, config: SignalQualityConfig = DEFAULT_SIGNAL_QUALITY_CONFIG): SignalQualityReport {
  const m = measureSignal(x, sampleRate, config.rangeMicroSiemens, config.slopeLagSeconds);
  const present = m.samples - m.missing;
  const span = m.max - m.min;
  const flags: QualityFlag[] = [];
  if (present > 0 && m.outOfRange / present > config.maxOutOfRangeFraction) flags.push('OUT_OF_RANGE');
  if (m.negative > 0) flags.push('NEGATIVE');
  if (present > 0 && span < config.flatSpanMicroSiemens) flags.push('FLAT');
  const plateau = Math.max(config.clipMinSamples, Math.ceil(config.clipMinSeconds * sampleRate));
  if (span >= config.clipMinSpanMicroSiemens && m.longestPlateau >= plateau) flags.push('CLIPPED');
  if (m.samples > 0 && m.missing / m.samples > config.maxDropoutFraction) flags.push('DROPOUT');
  if (m.maxSlope > config.maxSlopeMicroSiemensPerSecond) flags.push('JUMP');
  return { ok: flags.length === 0, flags, measures: m };
}
