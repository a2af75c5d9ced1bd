/** @module Command-line flags of `trainer:worker` → validated options, or a `CLI_BAD_FLAG` naming the flag. */
import { parseArgs } from 'node:util';
import { BACKEND_NAMES } from '@painkd/models';
import { TrainerError } from '../errors.js';

/** What `trainer:worker` was asked to do. */
export interface WorkerCliOptions {
  readonly help: boolean;
  /** `redis://host:port` (required unless `help`). */
  readonly queue: string;
  readonly concurrency: number;
  readonly backend: string;
  /** This machine's BioVid folder, for BioVid experiments. */
  readonly data?: string;
  readonly stallSeconds: number;
  readonly name?: string;
}

/** The same choices as `trainer:distill --backend`, from the one list @painkd/models keeps. */
const BACKENDS: readonly string[] = ['auto', ...BACKEND_NAMES];

/**
 * Parses `argv` of `trainer:worker`.
 *
 * @example
 * parseWorkerArgs(['--queue', 'redis://10.0.0.5:6379', '--concurrency', '4']).concurrency; // 4
 */
export function parseWorkerArgs(argv: readonly string[]): WorkerCliOptions {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        queue: { type: 'string' },
        concurrency: { type: 'string' },
        backend: { type: 'string' },
        data: { type: 'string' },
        'stall-timeout': { type: 'string' },
        name: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    throw new TrainerError('CLI_BAD_FLAG', `${(error instanceof Error ? error.message : String(error)).split('\n')[0]} (see --help)`);
  }
  const str = (name: string): string | undefined => {
    const v = values[name];
    if (typeof v === 'string' && v.trim() === '') throw new TrainerError('CLI_BAD_FLAG', `--${name}: needs a value`);
    return typeof v === 'string' ? v : undefined;
  };
  const integer = (name: string, min: number, max: number, fallback: number): number => {
    const v = str(name);
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!/^\d+$/.test(v) || n < min || n > max) throw new TrainerError('CLI_BAD_FLAG', `--${name}: expected an integer from ${min} to ${max}, got "${v}"`);
    return n;
  };
  const help = values.help === true;
  const queue = str('queue');
  if (!help && queue === undefined) throw new TrainerError('CLI_BAD_FLAG', '--queue: required (redis://host:port of the coordinator’s Redis)');
  const backend = str('backend') ?? 'auto';
  if (!BACKENDS.includes(backend)) throw new TrainerError('CLI_BAD_FLAG', `--backend: expected one of ${BACKENDS.join(', ')}, got "${backend}"`);
  const name = str('name');
  if (name !== undefined && !/^[\w.-]{1,64}$/.test(name)) throw new TrainerError('CLI_BAD_FLAG', `--name: letters, digits, '.', '_' and '-' only, got "${name}"`);
  const data = str('data');
  return {
    help,
    queue: queue ?? '',
    concurrency: integer('concurrency', 1, 64, 1),
    backend,
    stallSeconds: integer('stall-timeout', 2, 3600, 30),
    ...(data ? { data } : {}),
    ...(name ? { name } : {}),
  };
}
