/** @module Command-line flags of `trainer:distill` → validated options, or a `CLI_BAD_FLAG` naming the flag. */
import { parseArgs } from 'node:util';
import { BACKEND_NAMES } from '@painkd/models';
import { TrainerError } from '../errors.js';

/** What the flags ask for; `undefined` means "not given" (config file or defaults decide). */
export interface CliOptions {
  readonly help: boolean;
  readonly data?: string;
  readonly config?: string;
  readonly out?: string;
  /** Config overrides derived from flags (merged over the config file). */
  readonly overrides: Readonly<Record<string, unknown>>;
}

const CHOICES = {
  profile: ['quick', 'full'],
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
        cv: { type: 'string' },
        folds: { type: 'string' },
        task: { type: 'string' },
        backend: { type: 'string' },
        seed: { type: 'string' },
        workers: { type: 'string' },
        out: { type: 'string' },
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
  const scheme = choice('cv');
  const folds = integer('folds', 2, 10_000);
  const task = choice('task');
  const backend = choice('backend');
  const seed = integer('seed', 0, 0xffffffff);
  const workers = integer('workers', 1, 64);
  if (folds !== undefined && scheme === 'loso') throw new TrainerError('CLI_BAD_FLAG', '--folds: not used with --cv loso (one fold per subject)');
  const cv = { ...(scheme ? { scheme } : {}), ...(folds !== undefined ? { folds } : {}) };
  const overrides: Record<string, unknown> = {
    ...(profile ? { profile } : {}),
    ...(Object.keys(cv).length > 0 ? { cv } : {}),
    ...(task ? { task } : {}),
    ...(backend ? { backend } : {}),
    ...(seed !== undefined ? { seed } : {}),
    ...(workers !== undefined ? { workers } : {}),
  };
  const data = str('data');
  const config = str('config');
  const out = str('out');
  return { help: values.help === true, ...(data ? { data } : {}), ...(config ? { config } : {}), ...(out ? { out } : {}), overrides };
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
