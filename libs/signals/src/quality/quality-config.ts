/**
 * @module The vocabulary and thresholds of skin-conductance plausibility checks: the flags a
 * window can carry and the one typed config (with sourced defaults) that decides them.
 */
import { assertInteger, invalidArgument } from '../preprocess/arguments.js';

/**
 * Why a window of skin conductance is not trustworthy:
 * - `OUT_OF_RANGE`: samples outside the physiological range (electrode off reads near 0 µS);
 * - `NEGATIVE`: samples below 0 µS, impossible for a conductance;
 * - `FLAT`: a flat line (stuck or disconnected sensor);
 * - `CLIPPED`: a plateau at the window's extreme (sensor saturation or clipping);
 * - `DROPOUT`: too many missing samples (NaN / ±Infinity, `null` in JSON);
 * - `JUMP`: a change faster than skin conductance can change (motion or contact artefact).
 */
export type QualityFlag = 'OUT_OF_RANGE' | 'NEGATIVE' | 'FLAT' | 'CLIPPED' | 'DROPOUT' | 'JUMP';

/** Every {@link QualityFlag}, in the order results list them. */
export const QUALITY_FLAGS: readonly QualityFlag[] = ['OUT_OF_RANGE', 'NEGATIVE', 'FLAT', 'CLIPPED', 'DROPOUT', 'JUMP'];

/** Thresholds of {@link QualityFlag}s; skin conductance in µS, time in seconds. */
export interface SignalQualityConfig {
  /** Plausible skin conductance in µS (`OUT_OF_RANGE` outside it). */
  readonly rangeMicroSiemens: { readonly min: number; readonly max: number };
  /** Largest tolerated fraction of present samples outside the range, in [0, 1). */
  readonly maxOutOfRangeFraction: number;
  /** A window whose max − min is below this many µS is `FLAT`. */
  readonly flatSpanMicroSiemens: number;
  /** `CLIPPED`: a run of samples exactly at the window's max or min lasting at least this long… */
  readonly clipMinSeconds: number;
  /** …and at least this many samples… */
  readonly clipMinSamples: number;
  /** …in a window whose max − min is at least this many µS (a moving signal held at a rail). */
  readonly clipMinSpanMicroSiemens: number;
  /** Largest tolerated fraction of missing samples, in [0, 1). */
  readonly maxDropoutFraction: number;
  /** Fastest plausible change in µS per second (`JUMP` beyond it). */
  readonly maxSlopeMicroSiemensPerSecond: number;
  /** The slope is measured between samples this far apart (at least one sample). */
  readonly slopeLagSeconds: number;
}

/**
 * Defaults. Range 0.05–60 µS and 10 µS/s: the out-of-range and too-fast rules of Kleckner et al.
 * (2018), measured between samples 0.25 s apart as on their 4 Hz wrist data; a typical resting
 * level is 2–20 µS (Boucsein 2012). Flat, clipping and dropout bounds are this project's
 * choices (see libs/signals/README.md, "Signal quality").
 */
export const DEFAULT_SIGNAL_QUALITY_CONFIG: SignalQualityConfig = {
  rangeMicroSiemens: { min: 0.05, max: 60 },
  maxOutOfRangeFraction: 0,
  flatSpanMicroSiemens: 0.001,
  clipMinSeconds: 1,
  clipMinSamples: 4,
  clipMinSpanMicroSiemens: 0.1,
  maxDropoutFraction: 0.05,
  maxSlopeMicroSiemensPerSecond: 10,
  slopeLagSeconds: 0.25,
};

function fraction(name: string, value: number): void {
  if (!(value >= 0 && value < 1)) invalidArgument(name, `must be a fraction in [0, 1), got ${String(value)}`, { value });
}

function positive(name: string, value: number): void {
  if (!(Number.isFinite(value) && value > 0)) invalidArgument(name, `must be a finite number > 0, got ${String(value)}`, { value });
}

/**
 * Fills unset fields from {@link DEFAULT_SIGNAL_QUALITY_CONFIG} and checks every value.
 *
 * @throws SignalsError `SIGNAL_INVALID_ARGUMENT` naming the bad field.
 *
 * @example
 * const config = signalQualityConfig({ maxDropoutFraction: 0.1 });
 */
export function signalQualityConfig(overrides: Partial<SignalQualityConfig> = {}): SignalQualityConfig {
  const config: SignalQualityConfig = { ...DEFAULT_SIGNAL_QUALITY_CONFIG, ...overrides };
  const { min, max } = config.rangeMicroSiemens;
  if (!(Number.isFinite(min) && Number.isFinite(max) && min < max)) {
    invalidArgument('rangeMicroSiemens', `must be finite with min < max, got ${String(min)}–${String(max)}`);
  }
  fraction('maxOutOfRangeFraction', config.maxOutOfRangeFraction);
  fraction('maxDropoutFraction', config.maxDropoutFraction);
  positive('flatSpanMicroSiemens', config.flatSpanMicroSiemens);
  positive('clipMinSeconds', config.clipMinSeconds);
  positive('clipMinSpanMicroSiemens', config.clipMinSpanMicroSiemens);
  positive('maxSlopeMicroSiemensPerSecond', config.maxSlopeMicroSiemensPerSecond);
  positive('slopeLagSeconds', config.slopeLagSeconds);
  assertInteger('clipMinSamples', config.clipMinSamples, 2);
  return config;
}
