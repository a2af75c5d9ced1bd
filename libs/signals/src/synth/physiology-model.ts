/**
 * @module Every number of the synthetic cohort's physiological model, in one typed,
 * JSON-serialisable object with literature-motivated defaults (sources in the README).
 */

/** Parameters of the synthetic physiology. Units are in the names (µS, s, bpm, mV, µV). */
export interface PhysiologyModel {
  // --- paradigm (Walter et al. 2013, BioVid) ---
  /** Seconds the heat stimulus is held at its plateau (BioVid: 4 s). */
  readonly plateauSeconds: number;
  /** Shortest pause between stimuli, s (BioVid: 8 s). */
  readonly isiMinSeconds: number;
  /** Longest pause between stimuli, s (BioVid: 12 s). */
  readonly isiMaxSeconds: number;
  /** A baseline window starts at least this long after the previous plateau ends, s. */
  readonly baselineGapMinSeconds: number;
  /** Stimulus intensity of PA1…PA4 on a 0 (pain threshold) to 1 (tolerance) scale; BL1 has no stimulus. */
  readonly painIntensities: readonly [number, number, number, number];

  // --- tonic skin conductance (Boucsein 2012) ---
  /** Median tonic skin-conductance level across subjects, µS. */
  readonly tonicMedianUs: number;
  /** Between-subject spread of the tonic level (sd of its natural log). */
  readonly tonicSigmaLog: number;
  /** Tonic level is kept within [min, max] µS. */
  readonly tonicMinUs: number;
  readonly tonicMaxUs: number;
  /** Mean and between-subject sd of the log-change of tonic level over the whole session. */
  readonly sessionDriftMeanLog: number;
  readonly sessionDriftSdLog: number;
  /** Within-window tonic slope: population mean, between-subject sd and between-window sd, µS/s. */
  readonly slopeMeanUsPerSecond: number;
  readonly slopeSubjectSdUsPerSecond: number;
  readonly slopeWindowSdUsPerSecond: number;

  // --- evoked SCR (Dawson et al. 2007; Boucsein 2012; Benedek & Kaernbach 2010) ---
  /** Fraction of electrodermal non-responders (no evoked SCRs, few spontaneous ones). */
  readonly nonResponderRate: number;
  /** Median evoked SCR amplitude at tolerance (intensity 1) of a subject with median tonic level, µS. */
  readonly scrGainMedianUs: number;
  /** Between-subject spread of the SCR gain (sd of its log). */
  readonly scrGainSigmaLog: number;
  /** Gain scales with (tonic / tonicMedian) to this power (SCR amplitude grows with SCL). */
  readonly scrGainTonicExponent: number;
  /** Logistic response probability: slope per unit intensity, centred at intensity 0.5. */
  readonly responseLogitSlope: number;
  /** Mean and between-subject sd of the logit of responding at intensity 0.5. */
  readonly responseLogitMean: number;
  readonly responseLogitSubjectSd: number;
  /** Amplitude at intensity 0 as a fraction of amplitude at intensity 1 (linear in between). */
  readonly amplitudeAtThreshold: number;
  /** Trial-to-trial spread of evoked amplitude (sd of its log). */
  readonly amplitudeTrialSigmaLog: number;
  /** Habituation: amplitude × (1 − f + f·exp(−stimulusIndex / trials)). */
  readonly habituationFraction: number;
  readonly habituationTrials: number;
  /** SCR onset latency after stimulus onset, uniform in [min, max] s. */
  readonly latencyMinSeconds: number;
  readonly latencyMaxSeconds: number;
  /** Bateman rise time constant τ1, per subject uniform in [min, max] s. */
  readonly riseTauMinSeconds: number;
  readonly riseTauMaxSeconds: number;
  /** Bateman decay time constant τ2: median and between-subject sd of its log; kept ≥ 3·τ1. */
  readonly decayTauMedianSeconds: number;
  readonly decayTauSigmaLog: number;

  // --- spontaneous (non-specific) SCRs (Boucsein 2012; Dawson et al. 2007) ---
  /** Median rate at rest per minute, and between-subject sd of its log. */
  readonly nsScrRateMedianPerMinute: number;
  readonly nsScrRateSigmaLog: number;
  /** From stimulus onset to 3 s after its plateau the rate is × (1 + gain · intensity). */
  readonly nsScrArousalGain: number;
  /** Spontaneous amplitude as a fraction of the subject's evoked gain, and its log-spread. */
  readonly nsScrAmplitudeFraction: number;
  readonly nsScrAmplitudeSigmaLog: number;
  /** Non-responders' spontaneous rate and amplitude are multiplied by this. */
  readonly nonResponderSpontaneousFactor: number;

  // --- skin-conductance sensor ---
  /** White sensor noise, sd in µS. */
  readonly gsrNoiseUs: number;
  /** Quantisation step of the skin-conductance channel, µS. */
  readonly gsrQuantumUs: number;

  // --- heart (Loggia et al. 2011; McSharry et al. 2003) ---
  /** Resting heart rate: population mean and between-subject sd, bpm. */
  readonly heartRateMeanBpm: number;
  readonly heartRateSubjectSdBpm: number;
  /** Peak heart-rate rise at tolerance: median and log-spread across subjects, bpm. */
  readonly heartRatePainGainMedianBpm: number;
  readonly heartRatePainGainSigmaLog: number;
  /** Heart-rate rise at threshold as a fraction of the rise at tolerance. */
  readonly heartRateAtThreshold: number;
  /** Seconds after stimulus onset when the heart-rate rise peaks. */
  readonly heartRatePeakSeconds: number;
  /** Respiratory sinus arrhythmia amplitude range, bpm, and breathing-rate range, Hz. */
  readonly rsaMinBpm: number;
  readonly rsaMaxBpm: number;
  readonly breathMinHz: number;
  readonly breathMaxHz: number;
  /** R-wave amplitude: median and log-spread across subjects, mV. */
  readonly ecgRMedianMv: number;
  readonly ecgRSigmaLog: number;
  /** ECG sensor noise sd and baseline-wander amplitude, mV. */
  readonly ecgNoiseMv: number;
  readonly ecgWanderMv: number;

  // --- facial and trapezius EMG (Werner et al. 2014; Kunz et al.) ---
  /** Resting EMG RMS per muscle (trapezius, corrugator, zygomaticus), median µV. */
  readonly emgRestRmsUv: readonly [number, number, number];
  /** Between-subject log-spread of resting EMG RMS. */
  readonly emgRestSigmaLog: number;
  /** Probability of a pain-related burst at tolerance per muscle (trapezius, corrugator, zygomaticus). */
  readonly emgPainBurstProbability: readonly [number, number, number];
  /** Between-subject log-spread of pain expressiveness (scales burst probability). */
  readonly emgExpressivenessSigmaLog: number;
  /** Spontaneous burst rate per muscle, per minute. */
  readonly emgRestBurstsPerMinute: number;
  /** Burst RMS multiplier range and duration range, s. */
  readonly emgBurstGainMin: number;
  readonly emgBurstGainMax: number;
  readonly emgBurstMinSeconds: number;
  readonly emgBurstMaxSeconds: number;
  /** EMG band edges, Hz (first-order high- and low-pass). */
  readonly emgLowHz: number;
  readonly emgHighHz: number;
  /** EMG sensor noise sd, µV. */
  readonly emgNoiseUv: number;
}

/** The default physiology; see libs/signals/README.md for the source of each number. */
export const DEFAULT_PHYSIOLOGY: PhysiologyModel = {
  plateauSeconds: 4,
  isiMinSeconds: 8,
  isiMaxSeconds: 12,
  baselineGapMinSeconds: 1,
  painIntensities: [0, 1 / 3, 2 / 3, 1],

  tonicMedianUs: 6,
  tonicSigmaLog: 0.55,
  tonicMinUs: 2,
  tonicMaxUs: 20,
  sessionDriftMeanLog: -0.1,
  sessionDriftSdLog: 0.15,
  slopeMeanUsPerSecond: -0.003,
  slopeSubjectSdUsPerSecond: 0.004,
  slopeWindowSdUsPerSecond: 0.006,

  nonResponderRate: 0.1,
  scrGainMedianUs: 0.45,
  scrGainSigmaLog: 0.8,
  scrGainTonicExponent: 0.5,
  responseLogitSlope: 3,
  responseLogitMean: 0,
  responseLogitSubjectSd: 1,
  amplitudeAtThreshold: 0.3,
  amplitudeTrialSigmaLog: 0.45,
  habituationFraction: 0.5,
  habituationTrials: 25,
  latencyMinSeconds: 1,
  latencyMaxSeconds: 3,
  riseTauMinSeconds: 0.35,
  riseTauMaxSeconds: 0.6,
  decayTauMedianSeconds: 3,
  decayTauSigmaLog: 0.3,

  nsScrRateMedianPerMinute: 2,
  nsScrRateSigmaLog: 0.6,
  nsScrArousalGain: 1,
  nsScrAmplitudeFraction: 0.25,
  nsScrAmplitudeSigmaLog: 0.6,
  nonResponderSpontaneousFactor: 0.2,

  gsrNoiseUs: 0.003,
  gsrQuantumUs: 0.001,

  heartRateMeanBpm: 72,
  heartRateSubjectSdBpm: 9,
  heartRatePainGainMedianBpm: 4,
  heartRatePainGainSigmaLog: 0.5,
  heartRateAtThreshold: 0.25,
  heartRatePeakSeconds: 4,
  rsaMinBpm: 1,
  rsaMaxBpm: 5,
  breathMinHz: 0.2,
  breathMaxHz: 0.33,
  ecgRMedianMv: 1,
  ecgRSigmaLog: 0.25,
  ecgNoiseMv: 0.01,
  ecgWanderMv: 0.05,

  emgRestRmsUv: [4, 3, 2],
  emgRestSigmaLog: 0.4,
  emgPainBurstProbability: [0.2, 0.5, 0.25],
  emgExpressivenessSigmaLog: 0.5,
  emgRestBurstsPerMinute: 3,
  emgBurstGainMin: 2,
  emgBurstGainMax: 6,
  emgBurstMinSeconds: 0.3,
  emgBurstMaxSeconds: 1.5,
  emgLowHz: 20,
  emgHighHz: 150,
  emgNoiseUv: 0.5,
};
