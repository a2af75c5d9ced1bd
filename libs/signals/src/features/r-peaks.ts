/**
 * @module R-peak detection in a single-lead ECG window, after Pan & Tompkins (1985): band-pass
 * 5–15 Hz (where QRS energy lies, above baseline wander and T waves, below muscle noise),
 * derivative, square, 150-ms moving integration, then peaks of that energy accepted by an adaptive
 * threshold between running signal and noise levels, with a 200-ms refractory period, T-wave
 * rejection and a search-back for missed beats. Every filter is zero-phase, since the whole window
 * is at hand. Each detection is then placed on the R wave of the 0.5–40 Hz filtered ECG (the larger
 * of the positive and negative deflections across the window, so inverted leads work) with
 * sub-sample (parabolic) precision.
 */
import { assertFiniteSignal, assertNumber, assertSignal, type SignalLike } from '../preprocess/arguments.js';
import { smoothingWindowLength } from '../preprocess/preprocess-config.js';
import { bandSections } from '../filters/butterworth.js';
import { movingMean } from '../filters/moving-mean.js';
import { sosFiltfilt } from '../filters/sos-filtfilt.js';

/** Lowest source rate the detector accepts, Hz (Pan & Tompkins worked at 200 Hz). */
export const MIN_ECG_SAMPLE_RATE_HZ = 100;

const QRS_BAND_HZ = [5, 15] as const;
const FIDUCIAL_BAND_HZ = [0.5, 40] as const;
const INTEGRATION_SECONDS = 0.15;
const REFRACTORY_SECONDS = 0.2;
const T_WAVE_SECONDS = 0.36;
const LEARNING_SECONDS = 2;
const SEARCH_BACK_FACTOR = 1.66;
const RR_AVERAGE_BEATS = 8;
const FIDUCIAL_SEARCH_SECONDS = 0.05;

interface Candidate {
  readonly index: number;
  readonly energy: number;
  readonly slope: number;
}

/**
 * Times (seconds from the first sample) of the R peaks in `ecg`, ascending.
 *
 * @param ecg - one window of ECG (any unit, either polarity), finite (fill missing values first).
 * @param sampleRate - Hz, at least {@link MIN_ECG_SAMPLE_RATE_HZ}.
 * @returns a Float64Array of beat times; empty when no QRS complex stands out (flat signal).
 * @throws SignalsError `SIGNAL_INVALID_ARGUMENT` naming `ecg` or `sampleRate`.
 *
 * @example
 * const beats = detectRPeaks(recording.channels.ecg, 512); // e.g. [0.41, 1.24, 2.06, …]
 */
export function detectRPeaks(ecg: SignalLike, sampleRate: number): Float64Array {
  assertSignal('ecg', ecg);
  assertNumber('sampleRate', sampleRate, MIN_ECG_SAMPLE_RATE_HZ);
  assertFiniteSignal('ecg', ecg);
  const n = ecg.length;
  const band = sosFiltfilt(bandSections(QRS_BAND_HZ[0], QRS_BAND_HZ[1], sampleRate), ecg);
  const slope = new Float64Array(n);
  for (let i = 2; i < n - 2; i++) slope[i] = ((2 * band[i + 2] + band[i + 1] - band[i - 1] - 2 * band[i - 2]) * sampleRate) / 8;
  const squared = slope.map((d) => d * d);
  const integrationLength = smoothingWindowLength(INTEGRATION_SECONDS, sampleRate);
  const energy = movingMean(squared, integrationLength);
  const half = (integrationLength - 1) / 2;
  const maxSlopeNear = (i: number): number => {
    let best = 0;
    for (let k = Math.max(0, i - half); k <= Math.min(n - 1, i + half); k++) best = Math.max(best, Math.abs(slope[k]));
    return best;
  };

  const refractory = REFRACTORY_SECONDS * sampleRate;
  const candidates: Candidate[] = [];
  for (let i = 1; i < n - 1; i++) {
    if (!(energy[i] > energy[i - 1] && energy[i] >= energy[i + 1])) continue;
    const previous = candidates[candidates.length - 1];
    if (previous !== undefined && i - previous.index < refractory) {
      if (energy[i] > previous.energy) candidates[candidates.length - 1] = { index: i, energy: energy[i], slope: maxSlopeNear(i) };
    } else {
      candidates.push({ index: i, energy: energy[i], slope: maxSlopeNear(i) });
    }
  }
  const beats = acceptBeats(candidates, energy, sampleRate);
  return placeOnRWave(beats, sosFiltfilt(bandSections(FIDUCIAL_BAND_HZ[0], Math.min(FIDUCIAL_BAND_HZ[1], 0.4 * sampleRate), sampleRate), ecg), sampleRate);
}

/** Pan–Tompkins decision rules over the energy peaks; returns the accepted candidates in order. */
function acceptBeats(candidates: readonly Candidate[], energy: Float64Array, sampleRate: number): Candidate[] {
  const learning = energy.subarray(0, Math.min(energy.length, Math.round(LEARNING_SECONDS * sampleRate)));
  let signalLevel = 0;
  let noiseLevel = 0;
  for (const e of learning) {
    signalLevel = Math.max(signalLevel, e);
    noiseLevel += e / learning.length;
  }
  const threshold = (): number => noiseLevel + 0.25 * (signalLevel - noiseLevel);
  const beats: Candidate[] = [];
  const rejected: Candidate[] = [];
  const rrAverage = (): number | undefined => {
    if (beats.length < 2) return undefined;
    const first = Math.max(0, beats.length - 1 - RR_AVERAGE_BEATS);
    return (beats[beats.length - 1].index - beats[first].index) / (beats.length - 1 - first);
  };
  // A gap longer than 1.66 average RR intervals hides a missed beat: take the largest rejected
  // peak in it that clears half the threshold and lies a refractory period from both ends.
  const searchBack = (from: number, to: number): void => {
    const rr = rrAverage();
    if (rr === undefined || to - from <= SEARCH_BACK_FACTOR * rr) return;
    const refractory = REFRACTORY_SECONDS * sampleRate;
    let best: Candidate | undefined;
    for (const c of rejected) {
      if (c.index - from < refractory || to - c.index < refractory || c.energy <= 0.5 * threshold()) continue;
      if (best === undefined || c.energy > best.energy) best = c;
    }
    if (best === undefined) return;
    beats.push(best);
    beats.sort((a, b) => a.index - b.index);
    signalLevel = 0.25 * best.energy + 0.75 * signalLevel;
  };

  for (const candidate of candidates) {
    const last = beats[beats.length - 1];
    const isTWave =
      last !== undefined && candidate.index - last.index < T_WAVE_SECONDS * sampleRate && candidate.slope < 0.5 * last.slope;
    if (candidate.energy > threshold() && !isTWave) {
      if (last !== undefined) searchBack(last.index, candidate.index);
      beats.push(candidate);
      signalLevel = 0.125 * candidate.energy + 0.875 * signalLevel;
    } else {
      rejected.push(candidate);
      noiseLevel = 0.125 * candidate.energy + 0.875 * noiseLevel;
    }
  }
  const last = beats[beats.length - 1];
  if (last !== undefined) searchBack(last.index, energy.length - 1);
  return beats;
}

/**
 * Moves each detection to the R-wave extremum of `filtered` within ±50 ms, refined by a parabola
 * through the extremum and its neighbours. The polarity is chosen once per window: whichever of
 * the largest positive and largest negative deflections is bigger at most beats. Detections whose
 * extremum lies on the edge of that search (a beat cut by the window's edge) are dropped.
 */
function placeOnRWave(beats: readonly Candidate[], filtered: Float64Array, sampleRate: number): Float64Array {
  const n = filtered.length;
  const reach = Math.max(1, Math.round(FIDUCIAL_SEARCH_SECONDS * sampleRate));
  let positiveVotes = 0;
  for (const { index } of beats) {
    let high = -Infinity;
    let low = Infinity;
    for (let k = Math.max(0, index - reach); k <= Math.min(n - 1, index + reach); k++) {
      high = Math.max(high, filtered[k]);
      low = Math.min(low, filtered[k]);
    }
    if (high >= -low) positiveVotes++;
  }
  const sign = 2 * positiveVotes >= beats.length ? 1 : -1;
  const times: number[] = [];
  for (const { index } of beats) {
    const from = Math.max(0, index - reach);
    const to = Math.min(n - 1, index + reach);
    let best = from;
    for (let k = from + 1; k <= to; k++) if (sign * filtered[k] > sign * filtered[best]) best = k;
    // An extremum on the edge of the search (or of the signal) is no R peak: a beat cut by the
    // window's edge, or a detection on something else.
    if (best === from || best === to) continue;
    const left = sign * filtered[best - 1];
    const centre = sign * filtered[best];
    const right = sign * filtered[best + 1];
    const curvature = left - 2 * centre + right;
    const offset = curvature < 0 ? Math.min(0.5, Math.max(-0.5, (0.5 * (left - right)) / curvature)) : 0;
    times.push((best + offset) / sampleRate);
  }
  return Float64Array.from(times);
}

