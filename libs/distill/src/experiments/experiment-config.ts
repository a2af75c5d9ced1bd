/**
 * @module The typed experiment configuration: what data, which folds, which runs with which
 * hyper-parameters. JSON in, validated with zod (errors name the JSON path), defaults built in
 * per profile (`quick`, `full`).
 */
import { parsePreprocessConfig, type PreprocessConfig } from '@painkd/signals';
import { z } from 'zod';
import { DistillError } from '../errors.js';

const positive = z.number().positive();
const weight = z.number().min(0);
const int = (min: number, max = Number.MAX_SAFE_INTEGER) => z.number().int().min(min).max(max);

/** Loss terms and weights of a run (see `LossSpec`). */
const lossSchema = z.strictObject({
  ce: weight,
  kd: z.strictObject({ weight, temperature: positive }).optional(),
  cosine: z.strictObject({ weight, align: z.enum(['pool', 'project']).optional() }).optional(),
  fitnets: z.strictObject({ weight }).optional(),
  dkd: z
    .strictObject({ weight, alpha: weight, beta: weight, temperature: positive, warmupEpochs: int(0) })
    .optional(),
  rkd: z.strictObject({ distanceWeight: weight, angleWeight: weight }).optional(),
  sp: z.strictObject({ weight }).optional(),
});

/** Optimisation settings; every run may override any of them. */
const trainingSchema = z.strictObject({
  epochs: int(1, 10_000),
  batchSize: int(1, 65_536),
  learningRate: positive.max(10),
  patience: int(1),
  lrPatience: int(1),
  lrFactor: z.number().gt(0).lt(1),
  minLearningRate: z.number().min(0),
});

const netSchema = z.strictObject({
  /** Registered architecture name in @painkd/models. */
  arch: z.string().min(1),
  /** Architecture config (passed to `buildNetSpec`). */
  config: z.record(z.string(), z.unknown()).default({}),
});

const runSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes'),
  loss: lossSchema,
  /** Overrides of `student` for this run (default: the shared student net). */
  net: netSchema.optional(),
  training: trainingSchema.partial().optional(),
});

const experimentSchema = z
  .strictObject({
    name: z.string().min(1),
    profile: z.enum(['quick', 'full']),
    seed: int(0, 0xffffffff),
    task: z.enum(['multiclass', 'binary']),
    /** The synthetic cohort used when no BioVid folder is given. */
    synthetic: z.strictObject({ subjects: int(3, 10_000), windowsPerClass: int(1, 1000), seed: int(0, 0xffffffff) }),
    /** Passed to `parsePreprocessConfig` of @painkd/signals (its defaults fill what is missing). */
    preprocess: z.record(z.string(), z.unknown()),
    cv: z.strictObject({ scheme: z.enum(['group-kfold', 'loso']), folds: int(2, 10_000), valFraction: z.number().gt(0).lt(1) }),
    training: trainingSchema,
    teacher: z.strictObject({ net: netSchema, training: trainingSchema.partial().optional() }),
    student: netSchema,
    runs: z.array(runSchema).min(1),
    /**
     * The student trained on all subjects after CV and saved for export: a run id, `auto`
     * (`student-kd` when present, else the first run) or `best` (highest mean CV macro-F1; this
     * waits for every fold before the final training starts).
     */
    final: z.strictObject({ enabled: z.boolean(), student: z.string() }),
    /** Parallel fold workers: `auto` = min(cores, folds + final); 1 runs in this thread. */
    workers: z.union([z.literal('auto'), int(1, 64)]),
    /** tfjs backend name or `auto` (resolved by @painkd/models). */
    backend: z.string().min(1),
  })
  .superRefine((c, ctx) => {
    const ids = c.runs.map((r) => r.id);
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i) ctx.addIssue({ code: 'custom', path: ['runs', i, 'id'], message: `duplicate run id "${id}"` });
      if (id === 'teacher') ctx.addIssue({ code: 'custom', path: ['runs', i, 'id'], message: '"teacher" is reserved for the teacher run' });
    });
    if (c.final.enabled && c.final.student !== 'auto' && c.final.student !== 'best' && !ids.includes(c.final.student)) {
      ctx.addIssue({ code: 'custom', path: ['final', 'student'], message: `"${c.final.student}" is not auto, best or a run id (${ids.join(', ')})` });
    }
  });

/** A validated experiment configuration (after defaults). */
export type ExperimentConfig = z.infer<typeof experimentSchema>;
/** One student run of an experiment. */
export type RunConfig = ExperimentConfig['runs'][number];
/** Optimisation settings. */
export type TrainingConfig = ExperimentConfig['training'];
/** Experiment profiles: `quick` (the default, minutes) and `full` (the 87-subject protocol). */
export type ExperimentProfile = ExperimentConfig['profile'];

/** The default students: the seed's three methods, DKD, and one weighted combination. */
export const DEFAULT_RUNS: readonly RunConfig[] = [
  { id: 'student-ce', loss: { ce: 1 } },
  { id: 'student-kd', loss: { ce: 0.75, kd: { weight: 0.25, temperature: 2 } } },
  { id: 'student-cosine', loss: { ce: 0.75, cosine: { weight: 0.25 } } },
  { id: 'student-fitnets', loss: { ce: 0.75, fitnets: { weight: 0.25 } } },
  { id: 'student-dkd', loss: { ce: 1, dkd: { weight: 1, alpha: 1, beta: 8, temperature: 4, warmupEpochs: 5 } } },
  { id: 'student-kd-fitnets', loss: { ce: 0.5, kd: { weight: 0.25, temperature: 2 }, fitnets: { weight: 0.25 } } },
];

/**
 * Batch-norm moving-average momentum of the default nets. 0.9 (PyTorch's 0.1) instead of Keras'
 * 0.99: with a few hundred training windows a fold sees only tens of batches per run, and at 0.99
 * the moving statistics are still near their initial values when validation starts, so the
 * inference-mode net scores at chance for many epochs.
 */
const BN_MOMENTUM = 0.9;

const TRAINING: TrainingConfig = { epochs: 30, batchSize: 64, learningRate: 2e-3, patience: 6, lrPatience: 3, lrFactor: 0.5, minLearningRate: 1e-5 };

/**
 * The built-in defaults of a profile. `quick`: 24 synthetic subjects × 10 windows per class,
 * 5 folds, short training — the whole run fits in about three minutes on two cores. `full`:
 * 87 subjects × 20 windows per class (100 per subject, BioVid Part A's size), 5 folds, at most
 * 25 epochs (LR halved after 2 flat epochs, stop after 5) — sized for the 15-minute budget on two
 * cores (a 30-epoch/patience-6 run measured 26 CPU-minutes; most runs had flattened by epoch 20).
 *
 * @example
 * profileDefaults('full').synthetic; // { subjects: 87, windowsPerClass: 20, seed: 1 }
 */
export function profileDefaults(profile: ExperimentProfile): ExperimentConfig {
  const quick = profile === 'quick';
  return {
    name: 'painkd-default',
    profile,
    seed: 42,
    task: 'multiclass',
    synthetic: { subjects: quick ? 24 : 87, windowsPerClass: quick ? 10 : 20, seed: 1 },
    preprocess: {},
    cv: { scheme: 'group-kfold', folds: 5, valFraction: 0.15 },
    training: quick ? { ...TRAINING, epochs: 12, patience: 4, lrPatience: 2 } : { ...TRAINING, epochs: 25, patience: 5, lrPatience: 2 },
    teacher: { net: { arch: 'teacher-cnn', config: { bnMomentum: BN_MOMENTUM } } },
    student: { arch: 'student-tiny', config: { bnMomentum: BN_MOMENTUM } },
    runs: DEFAULT_RUNS.map((r) => ({ ...r })),
    final: { enabled: true, student: 'auto' },
    workers: 'auto',
    backend: 'auto',
  };
}

/**
 * Builds the experiment configuration: the profile's defaults (profile taken from `overrides`,
 * else `input`, else `quick`), deep-merged with `input` (a parsed JSON file), then with
 * `overrides` (command-line flags); arrays replace, objects merge. Unknown keys and bad values
 * throw `CONFIG_INVALID` with every problem on its own line as `<path>: <message>`, e.g.
 * `runs[1].loss.kd.temperature: Too small: expected number to be >0`.
 *
 * @example
 * const config = resolveExperimentConfig(JSON.parse(text), { profile: 'full', seed: 7 });
 */
export function resolveExperimentConfig(input: unknown = {}, overrides: Readonly<Record<string, unknown>> = {}): ExperimentConfig {
  if (!isPlainObject(input)) throw new DistillError('CONFIG_INVALID', `the experiment config must be a JSON object, got ${describe(input)}`);
  const profile = overrides.profile ?? input.profile ?? 'quick';
  if (profile !== 'quick' && profile !== 'full') {
    throw new DistillError('CONFIG_INVALID', `profile: expected "quick" or "full", got ${JSON.stringify(profile)}`);
  }
  const merged = deepMerge(deepMerge(profileDefaults(profile), input), overrides);
  const parsed = experimentSchema.safeParse(merged);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
    throw new DistillError('CONFIG_INVALID', `invalid experiment config:\n  ${lines.join('\n  ')}`, { issues: lines });
  }
  resolvePreprocess(parsed.data);
  return parsed.data;
}

/**
 * The validated preprocessing configuration of an experiment; errors are re-thrown as
 * `CONFIG_INVALID` with the path prefixed by `preprocess`.
 *
 * @example
 * resolvePreprocess(config).windowSamples; // 176
 */
export function resolvePreprocess(config: Pick<ExperimentConfig, 'preprocess'>): PreprocessConfig {
  try {
    return parsePreprocessConfig(config.preprocess);
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/^\$/, 'preprocess') : String(error);
    throw new DistillError('CONFIG_INVALID', `invalid experiment config:\n  ${message}`);
  }
}

/**
 * The run id `final.student` designates before CV results are known: itself, or for `auto`
 * `student-kd` when present, else the first run; `undefined` for `best`.
 *
 * @example
 * finalStudentId(config); // 'student-kd'
 */
export function finalStudentId(config: ExperimentConfig): string | undefined {
  const choice = config.final.student;
  if (choice === 'best') return undefined;
  if (choice !== 'auto') return choice;
  return config.runs.some((r) => r.id === 'student-kd') ? 'student-kd' : config.runs[0].id;
}

/** The effective training settings of the teacher or of a run. */
export function trainingFor(config: ExperimentConfig, run?: RunConfig): TrainingConfig {
  return { ...config.training, ...(run ? run.training : config.teacher.training) };
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  return Array.isArray(v) ? 'an array' : v === null ? 'null' : typeof v;
}

function deepMerge(base: unknown, patch: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(patch)) return patch === undefined ? base : patch;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(patch)) out[k] = v === undefined ? base[k] : deepMerge(base[k], v);
  return out;
}
