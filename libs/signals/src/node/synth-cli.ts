/**
 * @module The `signals:synth` command: parses flags, generates a cohort and writes it in the
 * Part A layout, sharded over worker threads, printing progress and a summary.
 */
import { SignalsError } from '../errors.js';
import { CLASS_LABELS } from '../io/biovid-format.js';
import { generateCohort, type CohortOptions } from '../synth/generate-cohort.js';
import { startModuleWorker } from './start-worker.js';
import { writeBiovidCohort } from './write-biovid-cohort.js';

/** Parsed flags of the synth command. */
export interface SynthCliOptions {
  readonly out: string;
  readonly subjects: number;
  readonly windowsPerClass: number;
  readonly seed: number;
  /** Worker threads; 1 writes in the calling thread. */
  readonly jobs: number;
}

/** Usage text of the synth command. */
export const SYNTH_USAGE = `Usage: npx nx run signals:synth -- --out <dir> [--subjects 87] [--windows-per-class 20] [--seed 1] [--jobs N]
Writes a synthetic BioVid-like cohort in the Part A layout:
  <dir>/biosignals_filtered/<subject>/<subject>-<CLS>-<nnn>_bio.csv, <dir>/samples.csv, <dir>/cohort.json`;

const FLAGS = ['out', 'subjects', 'windows-per-class', 'seed', 'jobs'] as const;

/**
 * Parses `argv` (flags only, `--name value` or `--name=value`). Throws `SIGNAL_INVALID_ARGUMENT`
 * naming the flag for an unknown flag, a missing value, a non-integer or a missing `--out`.
 *
 * @example
 * parseSynthArgs(['--out', '/tmp/c', '--subjects', '5']);
 * // { out: '/tmp/c', subjects: 5, windowsPerClass: 20, seed: 1, jobs: <cores> }
 */
export function parseSynthArgs(argv: readonly string[], defaultJobs = 1): SynthCliOptions {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw usageError(`unexpected argument "${arg}"`);
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if (!(FLAGS as readonly string[]).includes(name)) throw usageError(`unknown flag --${name}`);
    const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
    if (value === undefined || value === '' || (eq === -1 && value.startsWith('--'))) throw usageError(`--${name} needs a value`);
    values.set(name, value);
  }
  const out = values.get('out');
  if (out === undefined) throw usageError('--out <dir> is required');
  return {
    out,
    subjects: integerFlag(values, 'subjects', 87, 1),
    windowsPerClass: integerFlag(values, 'windows-per-class', 20, 1),
    seed: integerFlag(values, 'seed', 1, 0),
    jobs: integerFlag(values, 'jobs', defaultJobs, 1),
  };
}

/** Where the synth command prints. */
export interface SynthCliOutput {
  log(line: string): void;
  error(line: string): void;
}

/**
 * Runs the synth command; returns the process exit code (0 ok, 2 bad flags). A relative `--out`
 * is taken from the workspace root under nx (`NX_WORKSPACE_ROOT`; nx runs scripts inside the
 * project folder), else from where npm was started (`INIT_CWD`), else from the cwd.
 *
 * @example
 * process.exitCode = await runSynthCli(process.argv.slice(2), console);
 */
export async function runSynthCli(argv: readonly string[], output: SynthCliOutput): Promise<number> {
  const { availableParallelism } = await import('node:os');
  let options: SynthCliOptions;
  try {
    if (argv.includes('--help') || argv.includes('-h')) {
      output.log(SYNTH_USAGE);
      return 0;
    }
    options = parseSynthArgs(argv, Math.min(8, availableParallelism()));
  } catch (error) {
    output.error(error instanceof Error ? error.message : String(error));
    output.error(SYNTH_USAGE);
    return 2;
  }
  const { resolve } = await import('node:path');
  const out = resolve(process.env.NX_WORKSPACE_ROOT ?? process.env.INIT_CWD ?? process.cwd(), options.out);
  const cohortOptions: CohortOptions = { subjects: options.subjects, windowsPerClass: options.windowsPerClass, seed: options.seed };
  const started = performance.now();
  const cohort = generateCohort(cohortOptions);
  const total = cohort.trials.length;
  const jobs = Math.min(options.jobs, total);
  output.log(`synth: ${options.subjects} subjects × ${5 * options.windowsPerClass} windows, seed ${options.seed} → ${out} (${jobs} threads)`);
  let reported = 0;
  const onCount = (written: number): void => {
    const step = Math.max(1, Math.floor(total / 10));
    if (written - reported >= step || written === total) {
      reported = written;
      output.log(`  ${written}/${total} files (${Math.round((100 * written) / total)}%)`);
    }
  };

  let bytes = 0;
  if (jobs <= 1) {
    const result = await writeBiovidCohort(cohort, out, { onProgress: (p) => onCount(p.written) });
    bytes = result.bytes;
  } else {
    bytes = await writeSharded(cohortOptions, out, jobs, onCount);
  }
  const seconds = (performance.now() - started) / 1000;
  const perClass = CLASS_LABELS.map((label, c) => `${label} ${cohort.trials.filter((t) => t.classIndex === c).length}`).join(', ');
  const nonResponders = cohort.subjects.filter((s) => !s.responder).length;
  output.log(
    `done: ${total} files (${perClass}), ${(bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s; ` +
      `${nonResponders}/${cohort.subjects.length} electrodermal non-responders; config in ${out}/cohort.json`,
  );
  return 0;
}

async function writeSharded(cohortOptions: CohortOptions, out: string, jobs: number, onCount: (written: number) => void): Promise<number> {
  let written = 0;
  let bytes = 0;
  const workerUrl = new URL(`./synth-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);
  await Promise.all(
    Array.from({ length: jobs }, async (_, index) => {
      const worker = startModuleWorker(workerUrl, { workerData: { cohortOptions, out, shard: { index, count: jobs } } });
      await new Promise<void>((resolve, reject) => {
          worker.on('message', (message: { written?: number; bytes?: number }) => {
            written += message.written ?? 0;
            bytes += message.bytes ?? 0;
            onCount(written);
          });
          worker.on('error', reject);
          worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`synth worker ${index} exited with ${code}`))));
      });
    }),
  );
  return bytes;
}

function integerFlag(values: Map<string, string>, name: string, fallback: number, min: number): number {
  const text = values.get(name);
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < min) {
    throw usageError(`--${name} must be an integer ≥ ${min}, got "${text}"`);
  }
  return value;
}

function usageError(message: string): SignalsError {
  return new SignalsError('SIGNAL_INVALID_ARGUMENT', message, { path: 'synth' });
}
