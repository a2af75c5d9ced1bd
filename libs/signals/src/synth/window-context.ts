/** @module What a channel model needs to render one window of one subject. */
import type { PhysiologyModel } from './physiology-model.js';
import type { StimulusDraw } from './session-plan.js';
import type { SyntheticSubject } from './subject-profile.js';

/** A stimulus whose effects can reach into the window, with its onset relative to the window start. */
export interface StimulusInView {
  readonly onsetSeconds: number;
  readonly stimulus: StimulusDraw;
}

/** Everything needed to render one window's channels. */
export interface WindowContext {
  readonly subject: SyntheticSubject;
  readonly model: PhysiologyModel;
  readonly sampleRate: number;
  /** Samples in the window. */
  readonly length: number;
  /** The window's own stimulus (pain) or the one it follows (baseline), then the two before it. */
  readonly stimuli: readonly StimulusInView[];
  /** Position of the window in the session, 0 (start) … 1 (end). */
  readonly sessionFraction: number;
}
