/** @module Command-line flags of `trainer:distill` → validated options, or a `CLI_BAD_FLAG` naming the flag. */
import { parseArgs } from 'node:util';
import { PRESETS } from '@painkd/distill';
import { BACKEND_NAMES } from '@painkd/models';
import { TrainerError } from '../errors.js';

/** What the flags ask for; `undefined` means "not given" (config file or defaults decide). */
export interface CliOptions {
  readonly help: boolean;
  readonly data?: string;
  readonly config?: string;
  readonly out?: string;
  /** `redis://host:port`: coordinate the experiment's jobs through this Redis instead of local threads. */
  readonly queue?: string;
  /** A queued experiment to pick up again (needs `queue`; its config comes from Redis). */
  readonly resume?: string;
  /** Config overrides derived from flags (merged over the config file). */
  readonly overrides: Readonly<Record<string, unknown>>;
}

const CHOICES = {
  profile: ['quick', 'full'],
  preset: PRESETS,
  cv: ['group-kfold', 'loso'],
  task: ['multiclass', 'binary'],
  backend: ['auto', ...BACKEND_NAMES],
} as const;

/**
 * Parses `argv` (without `node` and the script). Unknown flags, missing values, stray
 * positionals and bad values throw `CLI_BAD_FLAG` with a message naming the flag.
 *
 * @example
 * parseCliArgs(['--profile', 'full', '--folds', '5']).overrides; // { profile: 'full', cv: { folds: 5 } }
 */
export function parseCliArgs(argv: readonly string[]): CliOptions {
  let values: Record<string, string | boolean | undefined>;
  try {
    const parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        data: { type: 'string' },
        config: { type: 'string' },
        profile: { type: 'string' },
        preset: { type: 'string' },
        repeats: { type: 'string' },
        cv: { type: 'string' },
        folds: { type: 'string' },
        task: { type: 'string' },
        backend: { type: 'string' },
        seed: { type: 'string' },
        workers: { type: 'string' },
        out: { type: 'string' },
        queue: { type: 'string' },
        resume: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    values = parsed.values;
  } catch (error) {
    throw new TrainerError('CLI_BAD_FLAG', `${cleanParseError(error)} (see --help)`);
  }
  const str = (name: string): string | undefined => {
    const v = values[name];
    if (typeof v === 'string' && v.trim() === '') throw new TrainerError('CLI_BAD_FLAG', `--${name}: needs a value`);
    return typeof v === 'string' ? v : undefined;
  };
  const choice = <K extends keyof typeof CHOICES>(name: K): (typeof CHOICES)[K][number] | undefined => {
    const v = str(name);
    if (v === undefined) return undefined;
    if (!(CHOICES[name] as readonly string[]).includes(v)) {
      throw new TrainerError('CLI_BAD_FLAG', `--${name}: expected one of ${CHOICES[name].join(', ')}, got "${v}"`);
    }
    return v as (typeof CHOICES)[K][number];
  };
  const integer = (name: string, min: number, max: number): number | undefined => {
    const v = str(name);
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!/^\d+$/.test(v) || !Number.isSafeInteger(n) || n < min || n > max) {
      throw new TrainerError('CLI_BAD_FLAG', `--${name}: expected an integer from ${min} to ${max}, got "${v}"`);
    }
    return n;
  };

  const profile = choice('profile');
  const preset = choice('preset');
  const repeats = integer('repeats', 1, 100);
  const scheme = choice('cv');
  const folds = integer('folds', 2, 10_000);
  const task = choice('task');
  const backend = choice('backend');
  const seed = integer('seed', 0, 0xffffffff);
  const workers = integer('workers', 1, 64);
  if (folds !== undefined && scheme === 'loso') throw new TrainerError('CLI_BAD_FLAG', '--folds: not used with --cv loso (one fold per subject)');
  const cv = { ...(scheme ? { scheme } : {}), ...(folds !== undefined ? { folds } : {}), ...(repeats !== undefined ? { repeats } : {}) };
  const overrides: Record<string, unknown> = {
    ...(profile ? { profile } : {}),
    ...(preset ? { preset } : {}),
    ...(Object.keys(cv).length > 0 ? { cv } : {}),
    ...(task ? { task } : {}),
    ...(backend ? { backend } : {}),
    ...(seed !== undefined ? { seed } : {}),
    ...(workers !== undefined ? { workers } : {}),
  };
  const data = str('data');
  const config = str('config');
  const out = str('out');
  const queue = str('queue');
  const resume = str('resume');
  if (resume !== undefined) {
    if (queue === undefined) throw new TrainerError('CLI_BAD_FLAG', '--resume: needs --queue (the Redis the experiment runs on)');
    const given = [
      ...(config !== undefined ? ['--config'] : []),
      ...Object.keys(overrides)
        .filter((k) => k !== 'backend' && k !== 'workers')
        .map((k) => (k === 'cv' ? '--cv/--folds/--repeats' : `--${k}`)),
    ];
    if (given.length > 0) throw new TrainerError('CLI_BAD_FLAG', `--resume: the experiment keeps its own config; drop ${given.join(', ')}`);
  }
  return {
    help: values.help === true,
    ...(data ? { data } : {}),
    ...(config ? { config } : {}),
    ...(out ? { out } : {}),
    ...(queue ? { queue } : {}),
    ...(resume ? { resume } : {}),
    overrides,
  };
}

function cleanParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (unknown) return `unknown flag ${unknown[1]}`;
  const missing = /Option '(?:-\w, )?(--[\w-]+) <value>' argument missing/.exec(message);
  if (missing) return `${missing[1]}: needs a value`;
  const positional = /Unexpected argument '([^']+)'/.exec(message);
  if (positional) return `unexpected argument "${positional[1]}" (flags start with --)`;
  return message.split('\n')[0];
}
