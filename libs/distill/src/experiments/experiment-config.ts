/**
 * @module The typed experiment configuration: what data, which folds, which runs with which
 * hyper-parameters. JSON in, validated with zod (errors name the JSON path), defaults built in
 * per profile (`quick`, `full`).
 */
import { createHash } from 'node:crypto';
import { parseViewConfig, type ViewConfig } from '@painkd/signals';
import { z } from 'zod';
import { PRESETS, presetConfig, type Preset } from './presets.js';
import { DistillError } from '../errors.js';
import { needsTeacher } from '../training/loss-spec.js';

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

const idSchema = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes');
const archConfig = z.record(z.string(), z.unknown()).default({});

const netSchema = z.strictObject({
  /** Registered architecture name in @painkd/models. */
  arch: z.string().min(1),
  /** Architecture config (passed to `buildNetSpec`). */
  config: archConfig,
});

const teacherSchema = z.strictObject({
  net: netSchema,
  training: trainingSchema.partial().optional(),
  /** Name of the input view (a key of `views`) the teacher sees. */
  view: idSchema,
});

/** A further teacher, trained and scored on every fold like the teacher; runs may distil from it. */
const referenceSchema = teacherSchema.extend({ id: idSchema });

/** One size of a student family: the student's arch config with these keys replaced. */
const sizeSchema = z.strictObject({ id: idSchema, arch: z.string().min(1).optional(), config: archConfig });

const studentSchema = netSchema.extend({
  /** Name of the input view every student sees. */
  view: idSchema,
  /** A family of student sizes: every run is trained at every size (ids `<run>@<size>`). */
  sizes: z.array(sizeSchema).min(1).optional(),
});

const runSchema = z.strictObject({
  id: idSchema,
  loss: lossSchema,
  /** Overrides of `student` for this run (default: the shared student net; not with `student.sizes`). */
  net: netSchema.optional(),
  training: trainingSchema.partial().optional(),
  /** Which teacher the distillation terms use: `teacher` (default) or a `references` id. */
  teacher: idSchema.optional(),
});

const experimentSchema = z
  .strictObject({
    name: z.string().min(1),
    profile: z.enum(['quick', 'full']),
    /** The preset the defaults came from (`default`, or `privileged`: lab teacher → wrist students). */
    preset: z.enum(PRESETS),
    seed: int(0, 0xffffffff),
    task: z.enum(['multiclass', 'binary']),
    /** The synthetic cohort used when no BioVid folder is given. */
    synthetic: z.strictObject({ subjects: int(3, 10_000), windowsPerClass: int(1, 1000), seed: int(0, 0xffffffff) }),
    /**
     * The base preprocessing of every view (passed to @painkd/signals' `parseViewConfig` under each
     * view's own `preprocess` keys; its defaults fill what is missing).
     */
    preprocess: z.record(z.string(), z.unknown()),
    /** Named input views: which channels, at which model rate, through which (simulated) sensor. */
    views: z.record(idSchema, z.record(z.string(), z.unknown())),
    cv: z.strictObject({
      scheme: z.enum(['group-kfold', 'loso']),
      folds: int(2, 10_000),
      valFraction: z.number().gt(0).lt(1),
      /** Repeated cross-validation: R different fold seeds, every method on the same folds. */
      repeats: int(1, 100),
    }),
    training: trainingSchema,
    teacher: teacherSchema,
    references: z.array(referenceSchema),
    student: studentSchema,
    runs: z.array(runSchema).min(1),
    /**
     * The CE-only run every other run is compared with (per size, paired by fold): a run id, or
     * `auto` (`student-ce` when present, else the first run without distillation terms, else none).
     */
    baseline: z.union([z.literal('auto'), idSchema]),
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
    const issue = (path: PropertyKey[], message: string): void => ctx.addIssue({ code: 'custom', path, message });
    const ids = c.runs.map((r) => r.id);
    const teachers = ['teacher', ...c.references.map((r) => r.id)];
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i) issue(['runs', i, 'id'], `duplicate run id "${id}"`);
      if (teachers.includes(id)) issue(['runs', i, 'id'], `"${id}" is reserved for a teacher`);
    });
    teachers.forEach((id, i) => {
      if (i > 0 && teachers.indexOf(id) !== i) issue(['references', i - 1, 'id'], `"${id}" is already a teacher id`);
    });
    const views = Object.keys(c.views);
    const checkView = (path: PropertyKey[], view: string): void => {
      if (!views.includes(view)) issue(path, `unknown view "${view}" (views: ${views.join(', ')})`);
    };
    checkView(['teacher', 'view'], c.teacher.view);
    c.references.forEach((r, i) => checkView(['references', i, 'view'], r.view));
    checkView(['student', 'view'], c.student.view);
    c.runs.forEach((r, i) => {
      if (r.teacher !== undefined && !teachers.includes(r.teacher)) issue(['runs', i, 'teacher'], `unknown teacher "${r.teacher}" (${teachers.join(', ')})`);
      if (r.net && c.student.sizes) issue(['runs', i, 'net'], 'a run cannot override the net when student.sizes defines the family');
    });
    const sizes = c.student.sizes?.map((s) => s.id) ?? [];
    sizes.forEach((id, i) => {
      if (sizes.indexOf(id) !== i) issue(['student', 'sizes', i, 'id'], `duplicate size id "${id}"`);
    });
    if (c.baseline !== 'auto') {
      const baseline = c.runs.find((r) => r.id === c.baseline);
      if (!baseline) issue(['baseline'], `"${c.baseline}" is not auto or a run id (${ids.join(', ')})`);
      else if (needsTeacher(baseline.loss)) issue(['baseline'], `"${c.baseline}" distils from a teacher; the baseline must be cross-entropy only`);
    }
    const students = studentIds(c);
    if (c.final.enabled && c.final.student !== 'auto' && c.final.student !== 'best' && !students.includes(c.final.student)) {
      issue(['final', 'student'], `"${c.final.student}" is not auto, best or a student id (${students.join(', ')})`);
    }
  });

/** A validated experiment configuration (after defaults). */
export type ExperimentConfig = z.infer<typeof experimentSchema>;
/** One student run of an experiment, as configured (before the size family expands it). */
export type RunConfig = ExperimentConfig['runs'][number];
/** Optimisation settings. */
export type TrainingConfig = ExperimentConfig['training'];
/** Experiment profiles: `quick` (the default, minutes) and `full` (the 87-subject protocol). */
export type ExperimentProfile = ExperimentConfig['profile'];
/** A registered net and its config. */
export type NetConfig = z.infer<typeof netSchema>;

/** A teacher as the fold jobs train it: the teacher itself or a reference teacher. */
export interface TeacherRun {
  /** `teacher` or the reference id. */
  readonly id: string;
  readonly net: NetConfig;
  readonly view: string;
  readonly training: TrainingConfig;
}

/** A student as the fold jobs train it: one run at one size. */
export interface StudentRun {
  /** `<run id>` without sizes, `<run id>@<size id>` with them. */
  readonly id: string;
  /** The configured run id (the method). */
  readonly method: string;
  /** The size id, when the student is a family. */
  readonly size?: string;
  readonly loss: RunConfig['loss'];
  readonly net: NetConfig;
  readonly view: string;
  /** The teacher its distillation terms use (`teacher` or a reference id). */
  readonly teacher: string;
  readonly training: TrainingConfig;
}

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
export const BN_MOMENTUM = 0.9;

const TRAINING: TrainingConfig = { epochs: 30, batchSize: 64, learningRate: 2e-3, patience: 6, lrPatience: 3, lrFactor: 0.5, minLearningRate: 1e-5 };

/**
 * The built-in defaults of a profile. `quick`: 24 synthetic subjects × 10 windows per class,
 * 5 folds, short training — the whole run fits in about three minutes on two cores. `full`:
 * 87 subjects × 20 windows per class (100 per subject, BioVid Part A's size), 5 folds, at most
 * 25 epochs (LR halved after 2 flat epochs, stop after 5) — sized for the 15-minute budget on two
 * cores (a 30-epoch/patience-6 run measured 26 CPU-minutes; most runs had flattened by epoch 20).
 * Teacher and students see one view, `lab`: GSR at the base preprocessing's rate.
 *
 * @example
 * profileDefaults('full').synthetic; // { subjects: 87, windowsPerClass: 20, seed: 1 }
 */
export function profileDefaults(profile: ExperimentProfile): ExperimentConfig {
  const quick = profile === 'quick';
  return {
    name: 'painkd-default',
    profile,
    preset: 'default',
    seed: 42,
    task: 'multiclass',
    synthetic: { subjects: quick ? 24 : 87, windowsPerClass: quick ? 10 : 20, seed: 1 },
    preprocess: {},
    views: { lab: {} },
    cv: { scheme: 'group-kfold', folds: 5, valFraction: 0.15, repeats: 1 },
    training: quick ? { ...TRAINING, epochs: 12, patience: 4, lrPatience: 2 } : { ...TRAINING, epochs: 25, patience: 5, lrPatience: 2 },
    teacher: { net: { arch: 'teacher-cnn', config: { bnMomentum: BN_MOMENTUM } }, view: 'lab' },
    references: [],
    student: { arch: 'student-tiny', config: { bnMomentum: BN_MOMENTUM }, view: 'lab' },
    runs: DEFAULT_RUNS.map((r) => ({ ...r })),
    baseline: 'auto',
    final: { enabled: true, student: 'auto' },
    workers: 'auto',
    backend: 'auto',
  };
}

/**
 * Builds the experiment configuration: the profile's defaults (profile taken from `overrides`,
 * else `input`, else `quick`), then the preset's (`preset` taken the same way; `default` adds
 * nothing), deep-merged with `input` (a parsed JSON file), then with `overrides` (command-line
 * flags); arrays replace, objects merge. Unknown keys and bad values throw `CONFIG_INVALID` with
 * every problem on its own line as `<path>: <message>`, e.g.
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
  const preset = overrides.preset ?? input.preset ?? 'default';
  if (!PRESETS.includes(preset as Preset)) {
    throw new DistillError('CONFIG_INVALID', `preset: expected ${PRESETS.map((p) => `"${p}"`).join(' or ')}, got ${JSON.stringify(preset)}`);
  }
  const merged = deepMerge(deepMerge(deepMerge(profileDefaults(profile), presetConfig(preset as Preset)), input), overrides);
  const parsed = experimentSchema.safeParse(merged);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
    throw new DistillError('CONFIG_INVALID', `invalid experiment config:\n  ${lines.join('\n  ')}`, { issues: lines });
  }
  resolveViews(parsed.data);
  return parsed.data;
}

/**
 * Every named view of an experiment, validated by @painkd/signals' `parseViewConfig` over the
 * base `preprocess` (a view's own `preprocess` keys win); errors are re-thrown as
 * `CONFIG_INVALID` with the JSON path (`views.<name>…`).
 *
 * @example
 * resolveViews(config).lab.preprocess.windowSamples; // 176
 */
export function resolveViews(config: Pick<ExperimentConfig, 'preprocess' | 'views'>): Record<string, ViewConfig> {
  const out: Record<string, ViewConfig> = {};
  for (const [name, view] of Object.entries(config.views)) {
    const own = isPlainObject(view.preprocess) ? view.preprocess : {};
    try {
      out[name] = parseViewConfig({ ...view, preprocess: { ...config.preprocess, ...own } }, `views.${name}`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new DistillError('CONFIG_INVALID', `invalid experiment config:\n  ${message}`, { cause: error });
    }
  }
  return out;
}

/**
 * The view the students see: its preprocessing is what a deployed student expects.
 *
 * @example
 * studentView(config).preprocess.sampleRate; // 4 for the privileged preset
 */
export function studentView(config: ExperimentConfig): ViewConfig {
  return resolveViews(config)[config.student.view]!;
}

/**
 * The teachers every fold trains: the teacher, then the references, in config order.
 *
 * @example
 * teacherRuns(config).map((t) => t.id); // ['teacher', 'teacher-gsr']
 */
export function teacherRuns(config: ExperimentConfig): TeacherRun[] {
  return [{ id: 'teacher', ...config.teacher }, ...config.references].map((t) => ({
    id: t.id,
    net: t.net,
    view: t.view,
    training: { ...config.training, ...t.training },
  }));
}

/**
 * The students every fold trains: each run, at each size of `student.sizes` (size-major: every
 * method of the smallest size first), or once at the shared student net.
 *
 * @example
 * studentRuns(config).map((s) => s.id); // ['student-ce@xs', 'student-kd@xs', …]
 */
export function studentRuns(config: ExperimentConfig): StudentRun[] {
  const { student } = config;
  const make = (run: RunConfig, net: NetConfig, size?: string): StudentRun => ({
    id: size === undefined ? run.id : `${run.id}@${size}`,
    method: run.id,
    ...(size === undefined ? {} : { size }),
    loss: run.loss,
    net,
    view: student.view,
    teacher: run.teacher ?? 'teacher',
    training: { ...config.training, ...run.training },
  });
  if (!student.sizes) return config.runs.map((run) => make(run, run.net ?? { arch: student.arch, config: student.config }));
  return student.sizes.flatMap((size) =>
    config.runs.map((run) => make(run, { arch: size.arch ?? student.arch, config: { ...student.config, ...size.config } }, size.id)),
  );
}

/**
 * The run every other run is compared with: `baseline` itself, or for `auto` `student-ce` when it
 * is a run without distillation terms, else the first such run; `undefined` when there is none.
 *
 * @example
 * baselineRunId(config); // 'student-ce'
 */
export function baselineRunId(config: Pick<ExperimentConfig, 'runs' | 'baseline'>): string | undefined {
  if (config.baseline !== 'auto') return config.baseline;
  const plain = config.runs.filter((r) => !needsTeacher(r.loss));
  return (plain.find((r) => r.id === 'student-ce') ?? plain[0])?.id;
}

/** Every student id of an experiment, in training order. */
export function studentIds(config: Pick<ExperimentConfig, 'runs' | 'student'>): string[] {
  const sizes = config.student.sizes;
  if (!sizes) return config.runs.map((r) => r.id);
  return sizes.flatMap((size) => config.runs.map((r) => `${r.id}@${size.id}`));
}

/**
 * The student id `final.student` designates before CV results are known: itself, or for `auto`
 * `student-kd` (at the largest size of a family) when present, else the first student;
 * `undefined` for `best`.
 *
 * @example
 * finalStudentId(config); // 'student-kd'
 */
export function finalStudentId(config: ExperimentConfig): string | undefined {
  const choice = config.final.student;
  if (choice === 'best') return undefined;
  if (choice !== 'auto') return choice;
  const ids = studentIds(config);
  const sizes = config.student.sizes;
  const kd = sizes ? `student-kd@${sizes[sizes.length - 1]!.id}` : 'student-kd';
  return ids.includes(kd) ? kd : ids[0];
}

/**
 * A short, stable hash of what decides an experiment's results: the whole resolved config except
 * how it runs (`workers`, `backend`). Written into the artifact manifest, so a deployed model can
 * be checked against the config that is the default today.
 *
 * @example
 * experimentConfigHash(resolveExperimentConfig()); // '3f9c…' (16 hex digits)
 */
export function experimentConfigHash(config: ExperimentConfig): string {
  const { workers: _workers, backend: _backend, ...rest } = config;
  return createHash('sha256').update(canonicalJson(rest)).digest('hex').slice(0, 16);
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isPlainObject(value)) {
    return `{${Object.keys(value)
      .sort()
      .filter((k) => value[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
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
