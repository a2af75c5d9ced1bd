/**
 * @module The synthetic BioVid-like cohort: subjects, their sessions and, on demand, every
 * window's five channels — deterministic by seed, rendered lazily so a full 87 × 100 cohort
 * never has to sit in memory at once.
 */
import { SignalsError } from '../errors.js';
import { CLASS_LABELS, type ChannelName, type ClassLabel } from '../io/biovid-format.js';
import { renderEcg } from './ecg-model.js';
import { renderEmg } from './emg-model.js';
import { renderGsr } from './gsr-model.js';
import { DEFAULT_PHYSIOLOGY, type PhysiologyModel } from './physiology-model.js';
import { createRng, deriveSeed } from './random.js';
import { planSession, type SessionPlan } from './session-plan.js';
import { drawSubject, type SyntheticSubject } from './subject-profile.js';
import type { StimulusInView } from './window-context.js';

/** Options of `generateCohort`; everything but `subjects` has a default. */
export interface CohortOptions {
  /** Number of subjects (BioVid Part A: 87). */
  readonly subjects: number;
  /** Windows per class and subject (BioVid: 20). Default 20. */
  readonly windowsPerClass?: number;
  /** Seed of every random choice. Default 1. */
  readonly seed?: number;
  /** Sampling rate, Hz. Default 512. */
  readonly sampleRate?: number;
  /** Window length, s. Default 5.5. */
  readonly windowSeconds?: number;
  /** Stimulus onset relative to a pain window's first sample, s. Default −1 (window starts 1 s after the plateau is reached). */
  readonly stimulusOnsetSeconds?: number;
  /** Overrides of the physiological model. */
  readonly model?: Partial<PhysiologyModel>;
}

/** The resolved configuration (JSON-serialisable): options with their defaults filled in. */
export interface CohortConfig {
  readonly subjects: number;
  readonly windowsPerClass: number;
  readonly seed: number;
  readonly sampleRate: number;
  readonly windowSeconds: number;
  readonly stimulusOnsetSeconds: number;
  readonly model: PhysiologyModel;
}

/** One window of the cohort, without its samples. */
export interface SyntheticTrial {
  /** Position in `cohort.trials`. */
  readonly index: number;
  /** Subject id (BioVid style). */
  readonly subject: string;
  readonly subjectIndex: number;
  readonly classIndex: number;
  readonly label: ClassLabel;
  /** Sample number in the subject's session, from 1 (the `nnn` of the file name). */
  readonly trial: number;
  /** The stimulus this window belongs to (pain) or follows (baseline). */
  readonly stimulusIndex: number;
  /** For pain windows that drew a response: the evoked SCR's onset (s from the window start) and amplitude (µS). */
  readonly evoked: { readonly onsetSeconds: number; readonly amplitudeUs: number } | null;
}

/** One rendered window: the trial plus its time axis and all five channels. */
export interface SyntheticRecording extends SyntheticTrial {
  readonly sampleRate: number;
  /** Integer microseconds, as in BioVid files. */
  readonly timeUs: Float64Array;
  readonly channels: Record<ChannelName, Float32Array>;
}

/** A generated cohort. Iterating renders every trial in order. */
export interface SyntheticCohort extends Iterable<SyntheticRecording> {
  readonly config: CohortConfig;
  readonly subjects: readonly SyntheticSubject[];
  /** Trials sorted by subject id, class, then trial number (the order `scanBiovid` returns). */
  readonly trials: readonly SyntheticTrial[];
  /** Renders trial `index` (same output every call). */
  render(index: number): SyntheticRecording;
}

/**
 * Generates a synthetic cohort from the physiological model (see README): per-subject tonic
 * level and drift, evoked SCRs whose probability and amplitude grow with pain level, spontaneous
 * SCRs, sensor noise, an ECG whose rate rises with pain, and EMG bursts. Same options, same cohort.
 *
 * @example
 * const cohort = generateCohort({ subjects: 87, windowsPerClass: 20, seed: 1 });
 * for (const recording of cohort) {
 *   // recording.label, recording.channels.gsr (Float32Array, 2,816 samples at 512 Hz)
 * }
 */
export function generateCohort(options: CohortOptions): SyntheticCohort {
  const config = resolveCohortConfig(options);
  const { model, seed } = config;
  const length = Math.round(config.windowSeconds * config.sampleRate);
  const subjects = Array.from({ length: config.subjects }, (_, i) => drawSubject(createRng(deriveSeed(seed, 1, i)), i, model));
  const plans: SessionPlan[] = subjects.map((subject) =>
    planSession(createRng(deriveSeed(seed, 2, subject.index)), subject, config.windowsPerClass, model, config),
  );

  const unsorted = subjects.flatMap((subject) =>
    plans[subject.index].windows.map((window) => {
      const stimulus = plans[subject.index].stimuli[window.stimulusIndex];
      const evoked =
        window.classIndex > 0 && stimulus.evoked !== null
          ? { onsetSeconds: window.onsetSeconds + stimulus.evoked.latencySeconds, amplitudeUs: stimulus.evoked.amplitudeUs }
          : null;
      return { subject: subject.id, subjectIndex: subject.index, classIndex: window.classIndex, trial: window.trial, window, evoked };
    }),
  );
  unsorted.sort((a, b) => (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : a.classIndex - b.classIndex || a.trial - b.trial));
  const trials: SyntheticTrial[] = unsorted.map((t, index) => ({
    index,
    subject: t.subject,
    subjectIndex: t.subjectIndex,
    classIndex: t.classIndex,
    label: CLASS_LABELS[t.classIndex],
    trial: t.trial,
    stimulusIndex: t.window.stimulusIndex,
    evoked: t.evoked,
  }));

  const timeUs = new Float64Array(length);
  for (let k = 0; k < length; k++) timeUs[k] = Math.round((k * 1e6) / config.sampleRate);

  const render = (index: number): SyntheticRecording => {
    const trial = trials[index];
    if (trial === undefined) throw new SignalsError('SIGNAL_INVALID_ARGUMENT', `no trial ${index} (cohort has ${trials.length})`);
    const subject = subjects[trial.subjectIndex];
    const plan = plans[trial.subjectIndex];
    const window = unsorted[index].window;
    const stimuli: StimulusInView[] = [];
    let onset = window.onsetSeconds;
    for (let p = window.stimulusIndex; p >= 0 && p > window.stimulusIndex - 3; p--) {
      if (p < window.stimulusIndex) onset -= model.plateauSeconds + plan.stimuli[p].isiAfterSeconds;
      stimuli.push({ onsetSeconds: onset, stimulus: plan.stimuli[p] });
    }
    const context = {
      subject,
      model,
      sampleRate: config.sampleRate,
      length,
      stimuli,
      sessionFraction: window.stimulusIndex / Math.max(1, plan.stimuli.length - 1),
    };
    const key = (stream: number): number => deriveSeed(seed, stream, trial.subjectIndex, trial.trial);
    const [emgTrapezius, emgCorrugator, emgZygomaticus] = renderEmg(context, createRng(key(5)));
    return {
      ...trial,
      sampleRate: config.sampleRate,
      timeUs: timeUs.slice(),
      channels: {
        gsr: renderGsr(context, createRng(key(3))),
        ecg: renderEcg(context, createRng(key(4))),
        emg_trapezius: emgTrapezius,
        emg_corrugator: emgCorrugator,
        emg_zygomaticus: emgZygomaticus,
      },
    };
  };

  return {
    config,
    subjects,
    trials,
    render,
    *[Symbol.iterator]() {
      for (let i = 0; i < trials.length; i++) yield render(i);
    },
  };
}

/**
 * Fills in defaults and checks `options`; throws `SIGNAL_INVALID_ARGUMENT` naming the bad field.
 *
 * @example
 * resolveCohortConfig({ subjects: 3 }).windowsPerClass; // 20
 */
export function resolveCohortConfig(options: CohortOptions): CohortConfig {
  const config: CohortConfig = {
    subjects: options.subjects,
    windowsPerClass: options.windowsPerClass ?? 20,
    seed: options.seed ?? 1,
    sampleRate: options.sampleRate ?? 512,
    windowSeconds: options.windowSeconds ?? 5.5,
    stimulusOnsetSeconds: options.stimulusOnsetSeconds ?? -1,
    model: { ...DEFAULT_PHYSIOLOGY, ...options.model },
  };
  check(Number.isInteger(config.subjects) && config.subjects >= 1 && config.subjects <= 10_000, 'subjects', 'an integer 1–10000', config.subjects);
  check(
    Number.isInteger(config.windowsPerClass) && config.windowsPerClass >= 1 && config.windowsPerClass <= 1000,
    'windowsPerClass',
    'an integer 1–1000',
    config.windowsPerClass,
  );
  check(Number.isInteger(config.seed) && config.seed >= 0 && config.seed <= 0xffffffff, 'seed', 'an integer 0–4294967295', config.seed);
  check(Number.isFinite(config.sampleRate) && config.sampleRate >= 1 && config.sampleRate <= 100_000, 'sampleRate', 'a rate 1–100000 Hz', config.sampleRate);
  check(
    Number.isFinite(config.windowSeconds) && Math.round(config.windowSeconds * config.sampleRate) >= 2,
    'windowSeconds',
    'long enough for 2 samples',
    config.windowSeconds,
  );
  check(Number.isFinite(config.stimulusOnsetSeconds), 'stimulusOnsetSeconds', 'a finite number', config.stimulusOnsetSeconds);
  for (const [name, value] of Object.entries(config.model)) {
    const values = Array.isArray(value) ? value : [value];
    check(values.every((v) => typeof v === 'number' && Number.isFinite(v)), `model.${name}`, 'finite numbers', value);
  }
  return config;
}

function check(ok: boolean, field: string, expected: string, got: unknown): void {
  if (!ok) throw new SignalsError('SIGNAL_INVALID_ARGUMENT', `must be ${expected}, got ${JSON.stringify(got)}`, { path: `cohort.${field}` });
}
