/** @module Draws one synthetic subject: the person-level physiology every recording of theirs shares. */
import type { PhysiologyModel } from './physiology-model.js';
import type { Rng } from './random.js';

/** Person-level parameters of one synthetic subject. */
export interface SyntheticSubject {
  /** 0-based position in the cohort. */
  readonly index: number;
  /** BioVid-style id `<mmddyy>_<m|w>_<age>`, unique in the cohort. */
  readonly id: string;
  readonly sex: 'm' | 'w';
  readonly age: number;
  /** False for electrodermal non-responders. */
  readonly responder: boolean;
  /** Tonic skin conductance at the session start, µS. */
  readonly tonicUs: number;
  /** Log-change of the tonic level over the session. */
  readonly sessionDriftLog: number;
  /** Mean within-window tonic slope, µS/s. */
  readonly slopeUsPerSecond: number;
  /** Evoked SCR amplitude at tolerance before trial noise and habituation, µS. */
  readonly scrGainUs: number;
  /** Logit of responding at intensity 0.5. */
  readonly responseLogit: number;
  /** Bateman time constants, s. */
  readonly riseTauSeconds: number;
  readonly decayTauSeconds: number;
  /** Spontaneous SCR rate at rest, per second, and their median amplitude, µS. */
  readonly nsScrRatePerSecond: number;
  readonly nsScrAmplitudeUs: number;
  /** Resting heart rate and its peak rise at tolerance, bpm. */
  readonly heartRateBpm: number;
  readonly heartRatePainGainBpm: number;
  /** Respiratory sinus arrhythmia amplitude (bpm) and breathing rate (Hz). */
  readonly rsaBpm: number;
  readonly breathHz: number;
  /** R-wave amplitude, mV. */
  readonly ecgRMv: number;
  /** Resting EMG RMS per muscle (trapezius, corrugator, zygomaticus), µV. */
  readonly emgRestRmsUv: readonly [number, number, number];
  /** Multiplier of the pain-burst probability (facial expressiveness). */
  readonly expressiveness: number;
}

/**
 * Draws subject `index` from `rng` (give each subject its own stream, e.g.
 * `createRng(deriveSeed(seed, 1, index))`).
 *
 * @example
 * const subject = drawSubject(createRng(deriveSeed(7, 1, 0)), 0, DEFAULT_PHYSIOLOGY);
 */
export function drawSubject(rng: Rng, index: number, model: PhysiologyModel): SyntheticSubject {
  const sex = rng.bernoulli(0.5) ? 'm' : 'w';
  const age = 18 + rng.int(48);
  const responder = !rng.bernoulli(model.nonResponderRate);
  const tonicUs = clamp(rng.logNormal(model.tonicMedianUs, model.tonicSigmaLog), model.tonicMinUs, model.tonicMaxUs);
  const scrGainUs =
    rng.logNormal(model.scrGainMedianUs, model.scrGainSigmaLog) * (tonicUs / model.tonicMedianUs) ** model.scrGainTonicExponent;
  const riseTauSeconds = rng.uniform(model.riseTauMinSeconds, model.riseTauMaxSeconds);
  const decayTauSeconds = Math.max(3 * riseTauSeconds, rng.logNormal(model.decayTauMedianSeconds, model.decayTauSigmaLog));
  const spontaneous = responder ? 1 : model.nonResponderSpontaneousFactor;
  const month = 1 + (Math.floor(index / 28) % 12);
  const day = 1 + (index % 28);
  const year = 26 + Math.floor(index / 336);
  return {
    index,
    id: `${pad2(month)}${pad2(day)}${pad2(year % 100)}_${sex}_${age}`,
    sex,
    age,
    responder,
    tonicUs,
    sessionDriftLog: rng.normal(model.sessionDriftMeanLog, model.sessionDriftSdLog),
    slopeUsPerSecond: rng.normal(model.slopeMeanUsPerSecond, model.slopeSubjectSdUsPerSecond),
    scrGainUs,
    responseLogit: rng.normal(model.responseLogitMean, model.responseLogitSubjectSd),
    riseTauSeconds,
    decayTauSeconds,
    nsScrRatePerSecond: (spontaneous * rng.logNormal(model.nsScrRateMedianPerMinute, model.nsScrRateSigmaLog)) / 60,
    nsScrAmplitudeUs: spontaneous * model.nsScrAmplitudeFraction * scrGainUs,
    heartRateBpm: clamp(rng.normal(model.heartRateMeanBpm, model.heartRateSubjectSdBpm), 45, 110),
    heartRatePainGainBpm: rng.logNormal(model.heartRatePainGainMedianBpm, model.heartRatePainGainSigmaLog),
    rsaBpm: rng.uniform(model.rsaMinBpm, model.rsaMaxBpm),
    breathHz: rng.uniform(model.breathMinHz, model.breathMaxHz),
    ecgRMv: rng.logNormal(model.ecgRMedianMv, model.ecgRSigmaLog),
    emgRestRmsUv: [
      rng.logNormal(model.emgRestRmsUv[0], model.emgRestSigmaLog),
      rng.logNormal(model.emgRestRmsUv[1], model.emgRestSigmaLog),
      rng.logNormal(model.emgRestRmsUv[2], model.emgRestSigmaLog),
    ],
    expressiveness: rng.logNormal(1, model.emgExpressivenessSigmaLog),
  };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function pad2(value: number): string {
  return value.toString().padStart(2, '0');
}
