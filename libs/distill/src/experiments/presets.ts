/**
 * @module Experiment presets: named layers of config between a profile's defaults and the user's
 * file. `default` adds nothing (one GSR view for teacher and students); `privileged` is the
 * lab → wrist setting of learning with privileged information.
 */

/** Preset names, as `--preset` takes them. */
export const PRESETS = ['default', 'privileged'] as const;

/** A preset name. */
export type Preset = (typeof PRESETS)[number];

/** Student sizes of the privileged sweep: ≈ 0.2k, 0.6k, 1.5k and 5.6k parameters at 4 Hz, 2 classes. */
const WRIST_SIZES = [
  { id: 'xs', config: { filters: [4, 8], kernelSizes: [5, 3], hiddenUnits: 8 } },
  { id: 's', config: { filters: [6, 8, 12], kernelSizes: [5, 3, 3], hiddenUnits: 12 } },
  { id: 'm', config: { filters: [8, 16, 16], kernelSizes: [5, 3, 3], hiddenUnits: 16 } },
  { id: 'l', config: { filters: [16, 24, 32], kernelSizes: [7, 5, 3], hiddenUnits: 32 } },
];

/**
 * The config layer of a preset (plain JSON, merged over the profile's defaults like a config file).
 *
 * `privileged` (Lopez-Paz et al. 2016, "generalized distillation"): the teacher sees all five lab
 * channels (GSR level, heart rate from the ECG, three EMG envelopes, from the 512 Hz recording)
 * at 32 Hz; a reference teacher sees lab GSR alone (how much do the extra channels add?); every
 * student sees one wrist channel — the lab GSR through a simulated wrist sensor at 4 Hz — at four
 * sizes, trained with CE alone, KD, DKD, FitNets, a projected cosine hint, RKD and
 * similarity-preserving KD from the five-channel teacher (KD, DKD and FitNets with the default
 * runs' settings, RKD and SP with their papers' weights: λ_D 25, λ_A 50; γ 3000), and KD from the GSR-only teacher (does
 * the privileged information matter, or any teacher?). Task: BL1 vs PA4, the literature's
 * standard BioVid task. Repeated CV, 2 repeats: 10 (repeat, fold) pairs, so a paired difference
 * can be told from fold noise (an exact test can reach p = 0.002; 3 repeats of the full profile
 * would not fit its 30-minute budget on 2 cores). Chosen before any run; never tuned to make a method win.
 *
 * @example
 * presetConfig('privileged').cv; // { repeats: 2 }
 */
export function presetConfig(preset: Preset): Record<string, unknown> {
  if (preset === 'default') return {};
  const kd = { weight: 0.25, temperature: 2 };
  return {
    name: 'painkd-privileged',
    task: 'binary',
    views: {
      lab: {
        channels: [
          { source: 'gsr', feature: 'level' },
          { source: 'ecg', feature: 'heart-rate' },
          { source: 'emg_trapezius', feature: 'envelope' },
          { source: 'emg_corrugator', feature: 'envelope' },
          { source: 'emg_zygomaticus', feature: 'envelope' },
        ],
      },
      'lab-gsr': {},
      wrist: { preprocess: { sampleRate: 4, smoothing: null }, wearable: {} },
    },
    cv: { repeats: 2 },
    teacher: { view: 'lab' },
    references: [{ id: 'teacher-gsr', net: { arch: 'teacher-cnn', config: { bnMomentum: 0.9 } }, view: 'lab-gsr' }],
    student: { arch: 'student-tiny', config: { bnMomentum: 0.9, firstStride: 1 }, view: 'wrist', sizes: WRIST_SIZES },
    runs: [
      { id: 'student-ce', loss: { ce: 1 } },
      { id: 'student-kd', loss: { ce: 0.75, kd } },
      { id: 'student-dkd', loss: { ce: 1, dkd: { weight: 1, alpha: 1, beta: 8, temperature: 4, warmupEpochs: 5 } } },
      { id: 'student-fitnets', loss: { ce: 0.75, fitnets: { weight: 0.25 } } },
      { id: 'student-cosine', loss: { ce: 0.75, cosine: { weight: 0.25, align: 'project' } } },
      { id: 'student-rkd', loss: { ce: 1, rkd: { distanceWeight: 25, angleWeight: 50 } } },
      { id: 'student-sp', loss: { ce: 1, sp: { weight: 3000 } } },
      { id: 'student-kd-gsr', loss: { ce: 0.75, kd }, teacher: 'teacher-gsr' },
    ],
  };
}
