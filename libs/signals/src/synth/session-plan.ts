/**
 * @module One synthetic subject's session, as in BioVid: each pain level stimulated
 * `windowsPerClass` times in random order with 8–12 s pauses, baseline windows cut from pauses,
 * and everything each stimulus evokes (SCR, heart-rate rise, EMG bursts) drawn once per stimulus.
 */
import type { PhysiologyModel } from './physiology-model.js';
import type { Rng } from './random.js';
import type { SyntheticSubject } from './subject-profile.js';

/** A pain-related EMG burst, timed from stimulus onset. */
export interface EmgBurst {
  readonly startSeconds: number;
  readonly durationSeconds: number;
  /** RMS multiplier at the burst's peak. */
  readonly gain: number;
}

/** One heat stimulus of the session and what it evokes. */
export interface StimulusDraw {
  /** 0-based position in the session. */
  readonly index: number;
  /** 1 = PA1 … 4 = PA4. */
  readonly classIndex: number;
  /** 0 (threshold) … 1 (tolerance). */
  readonly intensity: number;
  /** Pause from the end of this plateau to the next stimulus onset, s. */
  readonly isiAfterSeconds: number;
  /** The evoked SCR (onset latency after stimulus onset, amplitude), or null when none. */
  readonly evoked: { readonly latencySeconds: number; readonly amplitudeUs: number } | null;
  /** Peak heart-rate rise, bpm. */
  readonly heartRateRiseBpm: number;
  /** Pain-related burst per muscle (trapezius, corrugator, zygomaticus), or null. */
  readonly emgBursts: readonly [EmgBurst | null, EmgBurst | null, EmgBurst | null];
}

/** One 5.5 s window (one recording) of the session. */
export interface SessionWindow {
  /** 0 = BL1 … 4 = PA4. */
  readonly classIndex: number;
  /** Sample number in the session (the `nnn` of the file name), from 1. */
  readonly trial: number;
  /** The stimulus this window belongs to (pain) or follows (baseline). */
  readonly stimulusIndex: number;
  /** Onset of that stimulus relative to the window's first sample, s (negative: before). */
  readonly onsetSeconds: number;
}

/** A subject's whole session. */
export interface SessionPlan {
  readonly stimuli: readonly StimulusDraw[];
  /** Windows in session order. */
  readonly windows: readonly SessionWindow[];
}

/** Timing of windows relative to stimuli. */
export interface WindowTiming {
  readonly windowSeconds: number;
  /** Stimulus onset relative to a pain window's first sample, s. */
  readonly stimulusOnsetSeconds: number;
}

/**
 * Plans one subject's session: `4 · windowsPerClass` stimuli (each level equally often, shuffled)
 * and `windowsPerClass` baseline windows, each cut from the pause after a distinct random stimulus.
 *
 * @example
 * const plan = planSession(createRng(deriveSeed(7, 2, 0)), subject, 20, DEFAULT_PHYSIOLOGY, { windowSeconds: 5.5, stimulusOnsetSeconds: -1 });
 */
export function planSession(
  rng: Rng,
  subject: SyntheticSubject,
  windowsPerClass: number,
  model: PhysiologyModel,
  timing: WindowTiming,
): SessionPlan {
  const levels = rng.shuffle(Array.from({ length: 4 * windowsPerClass }, (_, i) => 1 + (i % 4)));
  const stimuli = levels.map((classIndex, index) => drawStimulus(rng, subject, model, index, classIndex));
  const baselineAfter = new Set(rng.shuffle(stimuli.map((s) => s.index)).slice(0, windowsPerClass));
  const windows: SessionWindow[] = [];
  for (const stimulus of stimuli) {
    windows.push({
      classIndex: stimulus.classIndex,
      trial: windows.length + 1,
      stimulusIndex: stimulus.index,
      onsetSeconds: timing.stimulusOnsetSeconds,
    });
    if (baselineAfter.has(stimulus.index)) {
      const latestGap = Math.max(model.baselineGapMinSeconds, stimulus.isiAfterSeconds - timing.windowSeconds);
      const gap = rng.uniform(model.baselineGapMinSeconds, latestGap);
      windows.push({
        classIndex: 0,
        trial: windows.length + 1,
        stimulusIndex: stimulus.index,
        onsetSeconds: -(model.plateauSeconds + gap),
      });
    }
  }
  return { stimuli, windows };
}

function drawStimulus(rng: Rng, subject: SyntheticSubject, model: PhysiologyModel, index: number, classIndex: number): StimulusDraw {
  const intensity = model.painIntensities[classIndex - 1];
  const isiAfterSeconds = rng.uniform(model.isiMinSeconds, model.isiMaxSeconds);
  const pRespond = subject.responder ? logistic(subject.responseLogit + model.responseLogitSlope * (intensity - 0.5)) : 0;
  const responds = rng.bernoulli(pRespond);
  const latencySeconds = rng.uniform(model.latencyMinSeconds, model.latencyMaxSeconds);
  const habituation = 1 - model.habituationFraction + model.habituationFraction * Math.exp(-index / model.habituationTrials);
  const amplitudeUs =
    subject.scrGainUs *
    (model.amplitudeAtThreshold + (1 - model.amplitudeAtThreshold) * intensity) *
    rng.logNormal(1, model.amplitudeTrialSigmaLog) *
    habituation;
  const heartRateRiseBpm =
    subject.heartRatePainGainBpm * (model.heartRateAtThreshold + (1 - model.heartRateAtThreshold) * intensity) * rng.logNormal(1, 0.3);
  const burst = (muscle: 0 | 1 | 2): EmgBurst | null => {
    const p = Math.min(1, model.emgPainBurstProbability[muscle] * subject.expressiveness * (0.2 + 0.8 * intensity));
    if (!rng.bernoulli(p)) return null;
    return {
      startSeconds: rng.uniform(0.3, model.plateauSeconds),
      durationSeconds: rng.uniform(model.emgBurstMinSeconds, model.emgBurstMaxSeconds),
      gain: rng.uniform(model.emgBurstGainMin, model.emgBurstGainMax),
    };
  };
  return {
    index,
    classIndex,
    intensity,
    isiAfterSeconds,
    evoked: responds ? { latencySeconds, amplitudeUs } : null,
    heartRateRiseBpm,
    emgBursts: [burst(0), burst(1), burst(2)],
  };
}

function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}
