/** @module Tests of the shared bench command-line parser: refusals, defaults and number checks. */
import { afterEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { BenchArgsError, benchArgs, parseBenchArgs, type BenchArgsErrorCode, type BenchFlags } from './bench-args.js';

const USAGE = '[--backends a,b] [--batch <n>] [--seed <n>] [--seconds <s>] [--threads 1,2] [--out <file>] [--no-torch]';
const spec = {
  bench: 'train',
  usage: USAGE,
  flags: {
    backends: { type: 'list', default: ['wasm', 'cpu'] },
    batch: { type: 'integer', default: 64 },
    seed: { type: 'integer', default: 1, min: 0 },
    seconds: { type: 'number', default: 1 },
    threads: { type: 'integers' },
    out: { type: 'string' },
    'no-torch': { type: 'boolean' },
  },
} as const;

/** The error `parseBenchArgs` throws for `argv` (fails the test when it throws none). */
function refusal(argv: readonly string[], flags: BenchFlags = spec.flags): BenchArgsError {
  try {
    parseBenchArgs({ ...spec, flags }, argv);
  } catch (error) {
    if (error instanceof BenchArgsError) return error;
    throw error;
  }
  throw new Error(`accepted ${argv.join(' ')}`);
}

describe('parseBenchArgs', () => {
  it('gives the defaults, false booleans and undefined for absent optional flags', () => {
    const args = parseBenchArgs(spec, []);
    expect(args).toEqual({ backends: ['wasm', 'cpu'], batch: 64, seed: 1, seconds: 1, threads: undefined, out: undefined, 'no-torch': false });
    // Checked by tsc: a flag with a default is never undefined; one without may be.
    expectTypeOf(args.batch).toEqualTypeOf<number>();
    expectTypeOf(args.backends).toEqualTypeOf<readonly string[]>();
    expectTypeOf(args.threads).toEqualTypeOf<readonly number[] | undefined>();
    expectTypeOf(args.out).toEqualTypeOf<string | undefined>();
    expectTypeOf(args['no-torch']).toEqualTypeOf<boolean>();
  });

  it('reads every kind of value, in both --flag value and --flag=value forms', () => {
    const args = parseBenchArgs(spec, ['--backends', 'webgpu', '--batch=32', '--seed', '0', '--seconds', '0.5', '--threads', '1,4', '--out', 'x.json', '--no-torch']);
    expect(args).toEqual({ backends: ['webgpu'], batch: 32, seed: 0, seconds: 0.5, threads: [1, 4], out: 'x.json', 'no-torch': true });
  });

  it('refuses a misspelt flag with one line naming the bench, the flag and the usage', () => {
    const error = refusal(['--backend', 'webgpu']);
    expect(error.code).toBe<BenchArgsErrorCode>('BENCH_UNKNOWN_FLAG');
    expect(error.message).toBe(`bench:train: unknown flag --backend; usage: ${USAGE}`);
    expect(error.details).toEqual({ bench: 'train', flag: '--backend' });
  });

  it('refuses an unknown flag given as --flag=value and a positional argument', () => {
    expect(refusal(['--batches=3']).message).toMatch(/^bench:train: unknown flag --batches;/);
    const positional = refusal(['webgpu']);
    expect(positional.code).toBe<BenchArgsErrorCode>('BENCH_UNEXPECTED_ARGUMENT');
    expect(positional.message).toMatch(/^bench:train: unexpected argument "webgpu"/);
  });

  it('refuses a missing value, at the end or swallowed by the next flag, and an empty one', () => {
    const atEnd = refusal(['--out']);
    expect(atEnd.code).toBe<BenchArgsErrorCode>('BENCH_MISSING_VALUE');
    expect(atEnd.message).toBe(`bench:train: --out needs a value; usage: ${USAGE}`);
    expect(refusal(['--out', '--no-torch']).message).toMatch(/^bench:train: --out needs a value \(a value starting with "-" goes as --out=<value>\);/);
    expect(refusal(['--out', '']).message).toMatch(/^bench:train: --out needs a value;/);
    expect(parseBenchArgs(spec, ['--out=--x']).out).toBe('--x');
  });

  it('refuses a value given to a boolean flag', () => {
    const error = refusal(['--no-torch=yes']);
    expect(error.code).toBe<BenchArgsErrorCode>('BENCH_BAD_VALUE');
    expect(error.message).toMatch(/^bench:train: --no-torch takes no value;/);
  });

  it.each([
    [['--batch', 'x'], '--batch: expected an integer ≥ 1, got "x"'],
    [['--batch', '0'], '--batch: expected an integer ≥ 1, got "0"'],
    [['--batch', '2.5'], '--batch: expected an integer ≥ 1, got "2.5"'],
    [['--batch=-3'], '--batch: expected an integer ≥ 1, got "-3"'],
    [['--batch', '1e3'], '--batch: expected an integer ≥ 1, got "1e3"'],
    [['--seed', '-1'], '--seed needs a value (a value starting with "-" goes as --seed=<value>)'],
    [['--seed=-1'], '--seed: expected an integer ≥ 0, got "-1"'],
    [['--seconds', '0'], '--seconds: expected a number > 0, got "0"'],
    [['--seconds', 'abc'], '--seconds: expected a number > 0, got "abc"'],
    [['--seconds', 'Infinity'], '--seconds: expected a number > 0, got "Infinity"'],
    [['--threads', '1,,2'], '--threads: expected comma-separated integers ≥ 1, got "1,,2"'],
    [['--threads', '1,0'], '--threads: expected comma-separated integers ≥ 1, got "1,0"'],
    [['--backends', 'wasm,'], '--backends: expected a comma-separated list, got "wasm,"'],
  ])('validates numbers and lists: %j', (argv, problem) => {
    expect(refusal(argv).message).toBe(`bench:train: ${problem}; usage: ${USAGE}`);
  });

  it('refuses a required flag left out, and accepts it given', () => {
    const flags = { train: { type: 'string', required: true } } as const;
    expect(refusal([], flags).message).toBe(`bench:train: --train is required; usage: ${USAGE}`);
    expect(parseBenchArgs({ ...spec, flags }, ['--train', 'a.json']).train).toBe('a.json');
  });
});

describe('benchArgs', () => {
  afterEach(() => vi.restoreAllMocks());

  /** Runs `benchArgs` with `process.exit` and the console captured; returns the exit code and what was printed. */
  function run(argv: readonly string[]): { exit: number | undefined; stderr: string[]; stdout: string[] } {
    const stderr: string[] = [];
    const stdout: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((line: string) => void stderr.push(line));
    vi.spyOn(console, 'log').mockImplementation((line: string) => void stdout.push(line));
    vi.spyOn(process, 'exit').mockImplementation((code) => {
      throw new ExitCalled(Number(code));
    });
    try {
      benchArgs(spec, argv);
      return { exit: undefined, stderr, stdout };
    } catch (error) {
      if (error instanceof ExitCalled) return { exit: error.exitCode, stderr, stdout };
      throw error;
    }
  }

  it('prints the refusal to stderr and exits 2', () => {
    expect(run(['--backend', 'webgpu'])).toEqual({ exit: 2, stderr: [`bench:train: unknown flag --backend; usage: ${USAGE}`], stdout: [] });
  });

  it('prints the usage for --help and exits 0', () => {
    expect(run(['--help'])).toEqual({ exit: 0, stderr: [], stdout: [`bench:train — usage: ${USAGE}`] });
  });

  it('returns the values when the command line is good', () => {
    expect(benchArgs(spec, ['--batch', '8']).batch).toBe(8);
  });
});

class ExitCalled extends Error {
  constructor(readonly exitCode: number) {
    super(`process.exit(${exitCode})`);
  }
}
