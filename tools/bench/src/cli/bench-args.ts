/**
 * @module The one command-line parser of every bench entry: Node's `parseArgs` (strict, no
 * positionals) over a typed table of flags, values checked before any work starts. A misspelt
 * flag, a missing value or a bad number is one line naming the bench, the flag and the usage, and
 * exit code 2 — never a silent default.
 */
import { parseArgs } from 'node:util';

/** Stable codes of a refused command line. */
export type BenchArgsErrorCode = 'BENCH_UNKNOWN_FLAG' | 'BENCH_MISSING_VALUE' | 'BENCH_BAD_VALUE' | 'BENCH_UNEXPECTED_ARGUMENT';

/**
 * A refused command line. `message` is the whole line to print (`bench:<name>: <problem>; usage:
 * <usage>`); `details` names the bench and the flag.
 *
 * @example
 * throw new BenchArgsError('BENCH_UNKNOWN_FLAG', 'bench:train: unknown flag --backend; usage: …', { details: { bench: 'train', flag: '--backend' } });
 */
export class BenchArgsError extends Error {
  override readonly name = 'BenchArgsError';
  readonly code: BenchArgsErrorCode;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: BenchArgsErrorCode, message: string, options: { cause?: unknown; details?: Readonly<Record<string, unknown>> } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.details = options.details ?? {};
  }
}

/**
 * One flag of the table, named without its `--`. `integer`/`integers` take whole numbers ≥ `min`
 * (default 1); `number` takes a finite number > 0; `list`/`integers` are comma-separated. A flag
 * with neither `default` nor `required` reads `undefined` when not given; a boolean reads `false`.
 */
export type BenchFlag =
  | { readonly type: 'boolean' }
  | { readonly type: 'string'; readonly default?: string; readonly required?: true }
  | { readonly type: 'list'; readonly default?: readonly string[]; readonly required?: true }
  | { readonly type: 'integer'; readonly default?: number; readonly min?: number; readonly required?: true }
  | { readonly type: 'integers'; readonly default?: readonly number[]; readonly min?: number; readonly required?: true }
  | { readonly type: 'number'; readonly default?: number; readonly required?: true };

/** A bench's flags by name (without `--`). */
export type BenchFlags = Readonly<Record<string, BenchFlag>>;

interface ValueOfType {
  boolean: boolean;
  string: string;
  list: readonly string[];
  integer: number;
  integers: readonly number[];
  number: number;
}

type ValueOf<F> = F extends { readonly type: infer K extends keyof ValueOfType } ? ValueOfType[K] : never;
type AlwaysSet<F> = F extends { readonly type: 'boolean' } | { readonly default: unknown } | { readonly required: true } ? true : false;

/** The parsed values, typed from the table: `T | undefined` only for flags that may be absent. */
export type BenchValues<T extends BenchFlags> = {
  readonly [K in keyof T]: AlwaysSet<T[K]> extends true ? ValueOf<T[K]> : ValueOf<T[K]> | undefined;
};

/** What a bench entry declares: its name (`train` for `bench:train`), its usage line and its flags. */
export interface BenchArgsSpec<T extends BenchFlags> {
  readonly bench: string;
  readonly usage: string;
  readonly flags: T;
}

/**
 * Parses `argv` (without `node` and the script) against `spec.flags`; throws `BenchArgsError` on an
 * unknown flag, a missing or empty value, a value given to a boolean, a positional argument or a
 * value of the wrong kind.
 *
 * @example
 * const args = parseBenchArgs({ bench: 'train', usage: '[--batch <n>] [--profile]', flags: { batch: { type: 'integer', default: 64 }, profile: { type: 'boolean' } } }, ['--batch', '32']);
 * args.batch; // 32 (a number); args.profile: false
 */
export function parseBenchArgs<const T extends BenchFlags>(spec: BenchArgsSpec<T>, argv: readonly string[]): BenchValues<T> {
  const refuse = (code: BenchArgsErrorCode, flag: string, problem: string, cause?: unknown): BenchArgsError =>
    new BenchArgsError(code, `bench:${spec.bench}: ${problem}; usage: ${spec.usage}`, { cause, details: { bench: spec.bench, flag } });
  const options = Object.fromEntries(Object.entries(spec.flags).map(([name, flag]) => [name, { type: flag.type === 'boolean' ? ('boolean' as const) : ('string' as const) }]));
  let raw: Record<string, unknown>;
  try {
    raw = parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    const message = error instanceof Error ? error.message : String(error);
    // Node quotes the offending argument first: "Unknown option '--x'", "Option '--x <value>' argument missing".
    const quoted = /'([^' ]+)/.exec(message)?.[1] ?? '?';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw refuse('BENCH_UNKNOWN_FLAG', quoted, `unknown flag ${quoted}`, error);
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') throw refuse('BENCH_UNEXPECTED_ARGUMENT', quoted, `unexpected argument "${quoted}" (flags start with --)`, error);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      if (spec.flags[quoted.replace(/^--/, '')]?.type === 'boolean') throw refuse('BENCH_BAD_VALUE', quoted, `${quoted} takes no value`, error);
      const dash = message.includes('ambiguous') ? ` (a value starting with "-" goes as ${quoted}=<value>)` : '';
      throw refuse('BENCH_MISSING_VALUE', quoted, `${quoted} needs a value${dash}`, error);
    }
    throw error;
  }
  const values: Record<string, unknown> = {};
  for (const [name, flag] of Object.entries(spec.flags)) {
    const given = raw[name];
    if (flag.type === 'boolean') {
      values[name] = given === true;
      continue;
    }
    if (typeof given !== 'string') {
      if (flag.required) throw refuse('BENCH_MISSING_VALUE', `--${name}`, `--${name} is required`);
      values[name] = flag.default;
      continue;
    }
    if (given.trim() === '') throw refuse('BENCH_MISSING_VALUE', `--${name}`, `--${name} needs a value`);
    const bad = (expected: string): BenchArgsError => refuse('BENCH_BAD_VALUE', `--${name}`, `--${name}: expected ${expected}, got "${given}"`);
    const items = given.split(',');
    switch (flag.type) {
      case 'string':
        values[name] = given;
        break;
      case 'list':
        if (items.some((item) => item.trim() === '')) throw bad('a comma-separated list');
        values[name] = items;
        break;
      case 'integer':
      case 'integers': {
        const min = flag.min ?? 1;
        const parts = flag.type === 'integer' ? [given] : items;
        if (!parts.every((part) => /^\d+$/.test(part) && Number.isSafeInteger(Number(part)) && Number(part) >= min)) {
          throw bad(flag.type === 'integer' ? `an integer ≥ ${min}` : `comma-separated integers ≥ ${min}`);
        }
        const numbers = parts.map(Number);
        values[name] = flag.type === 'integer' ? numbers[0] : numbers;
        break;
      }
      case 'number': {
        const n = Number(given);
        if (given.trim() !== given || !Number.isFinite(n) || n <= 0) throw bad('a number > 0');
        values[name] = n;
        break;
      }
    }
  }
  return values as BenchValues<T>;
}

/**
 * `parseBenchArgs` for a bench's `main`: reads `process.argv`; on a refused command line prints
 * the one-line message to stderr and exits with code 2; `--help` (alone) prints the usage and
 * exits 0.
 *
 * @example
 * const args = benchArgs({ bench: 'latency', usage: '[--budget-ms <ms>]', flags: { 'budget-ms': { type: 'number', default: 2500 } } });
 * // `… --budget 100` → stderr "bench:latency: unknown flag --budget; usage: [--budget-ms <ms>]", exit 2
 */
export function benchArgs<const T extends BenchFlags>(spec: BenchArgsSpec<T>, argv: readonly string[] = process.argv.slice(2)): BenchValues<T> {
  if (argv.length === 1 && (argv[0] === '--help' || argv[0] === '-h')) {
    console.log(`bench:${spec.bench} — usage: ${spec.usage}`);
    process.exit(0);
  }
  try {
    return parseBenchArgs(spec, argv);
  } catch (error) {
    if (!(error instanceof BenchArgsError)) throw error;
    console.error(error.message);
    process.exit(2);
  }
}
