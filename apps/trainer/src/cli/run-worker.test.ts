/**
 * Experiments beyond one machine, for real: a redis-server on loopback, `trainer:worker` processes
 * and `trainer:distill --queue` coordinators. The reports must equal the local run's; faults (a
 * worker SIGKILLed holding a job, the coordinator killed and resumed), a failing job and a worker
 * with other data must end the way the README says.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExperimentReport } from '@painkd/distill';
import { generateCohort } from '@painkd/signals';
import { startRedisServer, writeBiovidCohort, type LocalRedis } from '@painkd/signals/node';
import { runDistillCli } from './run-distill.js';

const appDir = fileURLToPath(new URL('../..', import.meta.url));
const small = (filters: number[], hiddenUnits: number) => ({ filters, kernelSizes: [5, 3], hiddenUnits, bnMomentum: 0.9 });
/** BL1 vs PA4, 6 subjects, 2 folds, small nets: 8 jobs (2 × (teacher job + 2 students) + final teacher and student). */
const TINY = {
  task: 'binary',
  synthetic: { subjects: 6, windowsPerClass: 6, seed: 1 },
  cv: { folds: 2 },
  training: { epochs: 4, patience: 4, lrPatience: 2, batchSize: 16, learningRate: 0.01 },
  teacher: { net: { arch: 'teacher-cnn', config: small([8, 8], 8) }, training: { epochs: 8, patience: 8 } },
  student: { arch: 'student-tiny', config: small([4, 4], 4) },
  runs: [
    { id: 'student-ce', loss: { ce: 1 } },
    { id: 'student-kd', loss: { ce: 0.5, kd: { weight: 0.5, temperature: 2 } } },
  ],
  backend: 'wasm',
  workers: 1,
};

interface Proc {
  readonly child: ChildProcess;
  readonly name: string;
  stderr: string;
  readonly exited: Promise<number | null>;
}

function spawnCli(script: string, args: readonly string[], name: string): Proc {
  const child = spawn(process.execPath, ['--conditions=@painkd/source', '--import', 'tsx', script, ...args], { cwd: appDir, env: { ...process.env, INIT_CWD: appDir } });
  const proc: Proc = { child, name, stderr: '', exited: new Promise((resolve) => child.on('close', resolve)) };
  child.stderr!.on('data', (d: Buffer) => (proc.stderr += d.toString()));
  child.stdout!.resume();
  return proc;
}

function until(proc: Proc, pattern: RegExp, timeoutMs = 60_000): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${proc.name}: no ${pattern} within ${timeoutMs} ms:\n${proc.stderr}`)), timeoutMs);
    const check = (): void => {
      const match = pattern.exec(proc.stderr);
      if (match) {
        clearTimeout(timer);
        proc.child.stderr!.off('data', check);
        resolve(match);
      }
    };
    proc.child.stderr!.on('data', check);
    check();
  });
}

async function distill(args: readonly string[]): Promise<{ code: number; stderr: string; out: string }> {
  const stderr: string[] = [];
  const code = await runDistillCli(args, { stdout: { write: () => true }, stderr: { write: (t: string) => stderr.push(t), isTTY: false } });
  return { code, stderr: stderr.join(''), out: args[args.indexOf('--out') + 1]! };
}

/** What must not depend on where the jobs ran: every fold's metrics and training curve, and the final nets' bytes. */
async function outcome(out: string): Promise<unknown> {
  const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as ExperimentReport;
  const nets = await Promise.all(['teacher.weights.bin', 'student.weights.bin'].map(async (f) => createHash('sha256').update(await readFile(join(out, 'nets', f))).digest('hex')));
  return {
    methods: report.methods.map((m) => ({ id: m.id, folds: m.folds.map((f) => ({ fold: f.fold, metrics: f.metrics, history: f.history, epochsRun: f.epochsRun })) })),
    comparisons: report.comparisons,
    nets,
  };
}

describe('trainer:distill --queue with trainer:worker processes and a real Redis', () => {
  let redis: LocalRedis;
  let dir: string;
  let config: string;
  let local: unknown;
  const workers: Proc[] = [];
  const worker = (name: string, ...extra: string[]): Proc => {
    const proc = spawnCli('src/worker-main.ts', ['--queue', redis.url, '--name', name, '--backend', 'wasm', '--stall-timeout', '5', ...extra], name);
    workers.push(proc);
    return proc;
  };

  beforeAll(async () => {
    redis = await startRedisServer();
    dir = await mkdtemp(join(tmpdir(), 'painkd-queue-'));
    config = join(dir, 'tiny.json');
    await writeFile(config, JSON.stringify(TINY));
    const started = [worker('w1'), worker('w2')].map((w) => until(w, /taking jobs/));
    const reference = await distill(['--config', config, '--out', join(dir, 'local')]);
    expect(reference.code, reference.stderr).toBe(0);
    local = await outcome(reference.out);
    await Promise.all(started);
  }, 180_000);

  afterAll(async () => {
    for (const w of workers) w.child.kill('SIGKILL');
    await Promise.all(workers.map((w) => w.exited));
    await redis?.stop();
  });

  it('two workers produce the local report: same metrics, curves and final nets', async () => {
    const run = await distill(['--config', config, '--out', join(dir, 'two'), '--queue', redis.url]);
    expect(run.code, run.stderr).toBe(0);
    expect(await outcome(run.out)).toEqual(local);
    // Both workers trained jobs of it.
    for (const w of workers) expect(w.stderr).toMatch(/done e[\w-]+\.\S+ in/);
  }, 120_000);

  it('survives a worker SIGKILLed while it holds a job and a coordinator killed and resumed by id', async () => {
    const coordinator = spawnCli('src/main.ts', ['--config', config, '--out', join(dir, 'resumed'), '--queue', redis.url], 'coordinator');
    const [, id] = await until(coordinator, /queued experiment (\S+) /);
    // Whichever worker takes a teacher job of this experiment first is killed while it trains.
    const victim = await Promise.race(workers.map((w) => until(w, new RegExp(`took ${id}\\.r\\d+f\\d+\\.teachers`)).then(() => w)));
    victim.child.kill('SIGKILL');
    coordinator.child.kill('SIGKILL');
    await Promise.all([victim.exited, coordinator.exited]);
    const survivor = workers.find((w) => w !== victim)!;
    const run = await distill(['--queue', redis.url, '--resume', id!, '--out', join(dir, 'resumed')]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`resumed experiment ${id}`);
    expect(await outcome(run.out)).toEqual(local);
    // The job the victim held was trained again by the survivor, after the stall timeout.
    const held = new RegExp(`took (${id}\\.r\\d+f\\d+\\.teachers)`).exec(victim.stderr)![1]!;
    expect(survivor.stderr).toContain(`done ${held}`);
    // A finished experiment cannot be resumed again.
    const again = await distill(['--queue', redis.url, '--resume', id!, '--out', join(dir, 'again')]);
    expect(again).toMatchObject({ code: 2, stderr: expect.stringContaining(`experiment ${id} is done`) });
  }, 180_000);

  it('fails once, with the worker’s error, when a job fails deterministically', async () => {
    const bad = join(dir, 'bad.json');
    await writeFile(bad, JSON.stringify({ ...TINY, teacher: { net: { arch: 'no-such-net', config: {} } } }));
    const run = await distill(['--config', bad, '--out', join(dir, 'bad'), '--queue', redis.url]);
    expect(run.code).toBe(1);
    const errors = run.stderr.split('\n').filter((l) => l.startsWith('error: '));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^error: job e[\w-]+\.(r\d+f\d+|final)\.teachers on worker w\d: .*no-such-net/);
    expect(await readdir(dir)).not.toContain('bad');
  }, 120_000);

  it('refuses a worker whose copy of the data hashes differently, and fails when every worker refused', async () => {
    const [mine, theirs] = [join(dir, 'biovid-a'), join(dir, 'biovid-b')];
    for (const folder of [mine, theirs]) await writeBiovidCohort(generateCohort({ subjects: 4, windowsPerClass: 2, seed: 3 }), folder);
    // One sample of one recording differs in the worker's copy.
    const subject = (await readdir(join(theirs, 'biosignals_filtered')))[0]!;
    const file = join(theirs, 'biosignals_filtered', subject, (await readdir(join(theirs, 'biosignals_filtered', subject)))[0]!);
    const lines = (await readFile(file, 'utf8')).split('\n');
    const cells = lines[100]!.split('\t');
    cells[1] = String(Number(cells[1]) + 0.5);
    lines[100] = cells.join('\t');
    await writeFile(file, lines.join('\n'));
    const other = worker('w3', '--data', theirs);
    await until(other, /taking jobs/);
    const run = await distill(['--config', config, '--data', mine, '--out', join(dir, 'refused'), '--queue', redis.url]);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain('every live worker refused the data');
    expect(run.stderr).toMatch(/w3: DATASET_MISMATCH this worker's biovid data hashes to [0-9a-f]{16}, the experiment's to [0-9a-f]{16}/);
    expect(run.stderr).toMatch(/w[12]: DATASET_UNAVAILABLE .*no --data folder/);
    expect(other.stderr).toMatch(/refused e[\w-]+\.\S+: DATASET_MISMATCH/);
  }, 120_000);
});
