/**
 * @module The preprocessing chain for one window — the single function that turns raw GSR into
 * model input, shared by training (batch) and the edge API (stream) so both see identical inputs.
 */
import { SignalsError } from '../errors.js';
import { assertSignal, type SignalLike } from './arguments.js';
import { clipOutliers } from './clip-outliers.js';
import { fillMissing } from './fill-missing.js';
import { normalizeSignal } from './normalize-signal.js';
import { padOrTruncate } from './pad-or-truncate.js';
import { smoothingWindowLength, type PreprocessConfig } from './preprocess-config.js';
import { resample } from './resample.js';
import { savitzkyGolay } from './savitzky-golay.js';
import type { SignalStats } from './signal-stats.js';

/**
 * Preprocesses one raw window recorded at `sampleRate` into exactly `config.windowSamples`
 * samples at `config.sampleRate`. The steps, in order:
 *
 * 1. **Length check** — the input must last `windowSeconds ± length.toleranceSeconds`.
 * 2. **Fill missing** (`missing`) — NaN/±Inf linearly interpolated, never deleted; too many
 *    missing → `SIGNAL_TOO_MUCH_MISSING`. First, because every later step needs finite samples.
 * 3. **Clip outliers** (`outliers`, optional) — z-score clipping at the *input* rate, before any
 *    filter can smear a spike (an electrode pop) over its neighbours.
 * 4. **Resample** (`resampling`) — anti-aliased polyphase FIR to `sampleRate` (edge padding by
 *    default, so the tonic level does not sag at the window ends).
 * 5. **Pad / truncate** (`length.padMode`) — to exactly `windowSamples`, at the end.
 * 6. **Smooth** (`smoothing`, optional) — Savitzky–Golay at the *model* rate: its window in
 *    seconds then means the same for every source rate (a 4 Hz wearable and 512 Hz BioVid alike),
 *    it runs on 16× fewer samples than at 512 Hz, and the resampler has already removed what lies
 *    above the new Nyquist.
 * 7. **Normalise** (`normalization`) — z-score or min-max with the window's own statistics, or
 *    `subjectStats` for scope `'subject'` (compute them with `computeSubjectStats`, which runs
 *    steps 1–6 so the statistics match the stage they are applied at). Flat windows give zeros.
 *
 * Cost is linear in the input length (no O(n²) step); for a 2,816-sample BioVid window the
 * resampler's 321-tap filter at 176 outputs dominates.
 *
 * @param samples - one window of raw samples (NaN allowed, see step 2).
 * @param sampleRate - rate of `samples` in Hz (1–1024, rational).
 * @param config - a validated config (from `parsePreprocessConfig` or `DEFAULT_PREPROCESS_CONFIG`).
 * @param subjectStats - required when `config.normalization.scope` is `'subject'`.
 * @returns a new Float32Array of `config.windowSamples` samples.
 * @throws SignalsError `SIGNAL_INVALID_ARGUMENT` (bad argument, or a duration outside tolerance —
 *   location `samples`), `SIGNAL_TOO_MUCH_MISSING`.
 *
 * @example
 * const input = preprocessWindow(recording.gsr, 512, DEFAULT_PREPROCESS_CONFIG); // 176 samples
 */
export function preprocessWindow(
  samples: SignalLike,
  sampleRate: number,
  config: PreprocessConfig,
  subjectStats?: SignalStats,
): Float32Array {
  const shaped = shapeWindow(samples, sampleRate, config);
  return Float32Array.from(normalizeSignal(shaped, config.normalization, subjectStats));
}

/**
 * Steps 1–6 of {@link preprocessWindow} (everything but normalisation), in Float64. Used for
 * per-subject statistics, which must be taken at the stage normalisation applies them, and by
 * views. `path` (e.g. `recording.channels.gsr`) names the signal in duration and missing-value
 * errors; without it they name `samples` and no location respectively.
 */
export function shapeWindow(samples: SignalLike, sampleRate: number, config: PreprocessConfig, path?: string): Float64Array {
  assertWindowDuration(samples, sampleRate, config, path ?? 'samples');
  let x = fillMissing(samples, path === undefined ? config.missing : { ...config.missing, path });
  if (config.outliers !== null) x = clipOutliers(x, config.outliers);
  x = resample(x, sampleRate, config.sampleRate, config.resampling);
  x = padOrTruncate(x, config.windowSamples, { mode: config.length.padMode });
  if (config.smoothing !== null) {
    const windowLength = smoothingWindowLength(config.smoothing.windowSeconds, config.sampleRate);
    x = savitzkyGolay(x, windowLength, config.smoothing.polyOrder);
  }
  return x;
}

/**
 * Step 1 of {@link preprocessWindow}: throws `SIGNAL_INVALID_ARGUMENT` at `path` unless `samples`
 * is a signal lasting `config.windowSeconds ± config.length.toleranceSeconds` at `sampleRate`.
 *
 * @example
 * assertWindowDuration(recording.channels.ecg, 512, config, 'recording.channels.ecg');
 */
export function assertWindowDuration(samples: unknown, sampleRate: number, config: PreprocessConfig, path: string): asserts samples is SignalLike {
  assertSignal(path, samples);
  const seconds = samples.length / sampleRate;
  if (!(Math.abs(seconds - config.windowSeconds) <= config.length.toleranceSeconds)) {
    throw new SignalsError(
      'SIGNAL_INVALID_ARGUMENT',
      `${samples.length} samples at ${sampleRate} Hz last ${seconds} s; expected ${config.windowSeconds} ± ${config.length.toleranceSeconds} s`,
      { path },
      { argument: path, length: samples.length, sampleRate, expectedSeconds: config.windowSeconds },
    );
  }
}
