/**
 * @module Public exports of the synth part of @painkd/signals: the synthetic BioVid-like cohort,
 * its physiological model, the seeded random numbers it uses, and the Node-only cohort writer.
 */
export * from './bateman.js';
export * from './generate-cohort.js';
export * from './physiology-model.js';
export * from './random.js';
export type { EmgBurst, SessionPlan, SessionWindow, StimulusDraw, WindowTiming } from './session-plan.js';
export type { SyntheticSubject } from './subject-profile.js';
export {
  biovidCohortPath,
  biovidFileName,
  writeBiovidCohort,
  type WriteBiovidCohortOptions,
  type WriteCohortProgress,
  type WriteCohortResult,
} from '../node/write-biovid-cohort.js';
export { parseSynthArgs, runSynthCli, SYNTH_USAGE, type SynthCliOptions, type SynthCliOutput } from '../node/synth-cli.js';
