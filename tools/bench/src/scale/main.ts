/**
 * @module `npx nx run bench:scale`: beyond one machine, on this one. Training: the quick
 * experiment through `trainer:distill` on 1 and 2 local threads and as a coordinator with 1 and 2
 * `trainer:worker` processes on one Redis (speed-up and efficiency); the queue's overhead per job
 * and its Redis commands and bytes. Serving: session-route throughput of 1 in-memory replica, 1
 * and 2 replicas on Redis. Writes `bench/scale.json` at the repository root.
 *
 * Flags: `--subjects n` and `--epochs n` (shrink the experiment; default: the quick profile),
 * `--rounds n` (repeat the four training runs, interleaved, and keep each one's best; default 1),
 * `--devices n` (default 32), `--seconds n` (per session run, default 10), `--overhead-folds n`
 * (default 16), `--skip-train`, `--skip-sessions`. Every count is a positive integer; an unknown
 * flag or a bad value exits 2 with the usage, before Redis starts.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startRedisServer } from '@painkd/signals/node';
import { benchArgs } from '../cli/bench-args.js';
import { measureQueueOverhead } from './queue-overhead.js';
import { formatScaleTables, type ScaleResults } from './scale-report.js';
import { loadSessions, type SessionRun } from './session-scale.js';
import { bestOf, runLocal, runQueued, startWorker, type TrainRun } from './train-scale.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

const args = benchArgs({
  bench: 'scale',
  usage: '[--subjects <n>] [--epochs <n>] [--rounds <n>] [--devices <n>] [--seconds <n>] [--overhead-folds <n>] [--skip-train] [--skip-sessions]',
  flags: {
    subjects: { type: 'integer' },
    epochs: { type: 'integer' },
    rounds: { type: 'integer', default: 1 },
    devices: { type: 'integer', default: 32 },
    seconds: { type: 'integer', default: 10 },
    'overhead-folds': { type: 'integer', default: 16 },
    'skip-train': { type: 'boolean' },
    'skip-sessions': { type: 'boolean' },
  },
});

const redis = await startRedisServer();
console.log(`bench:scale — node ${process.version}, ${availableParallelism()} cores, load ${loadavg()[0].toFixed(1)}, redis ${redis.url}`);
const results: { -readonly [K in keyof ScaleResults]: ScaleResults[K] } = { train: [], sessions: [] };
try {
  if (!args['skip-train']) {
    const config = join(await mkdtemp(join(tmpdir(), 'painkd-scale-')), 'scale.json');
    const shrink = {
      ...(args.subjects !== undefined ? { synthetic: { subjects: args.subjects } } : {}),
      ...(args.epochs !== undefined ? { training: { epochs: args.epochs } } : {}),
    };
    await writeFile(config, JSON.stringify({ profile: 'quick', ...shrink }));
    const rounds = args.rounds;
    const byConfig: TrainRun[][] = [[], [], [], []];
    const workers = [await startWorker(root, redis.url, 'scale-1')];
    try {
      for (let round = 1; round <= rounds; round++) {
        for (const threads of [1, 2]) byConfig[threads - 1]!.push(await runLocal(root, config, threads));
        byConfig[2]!.push(await runQueued(root, config, redis.url, workers));
        workers.push(await startWorker(root, redis.url, 'scale-2'));
        byConfig[3]!.push(await runQueued(root, config, redis.url, workers));
        await workers.pop()!.stop();
        console.log(`  round ${round}/${rounds}: ${byConfig.map((runs) => `${(runs.at(-1)!.wallMs / 1000).toFixed(1)} s`).join(', ')} (local 1, local 2, queue 1, queue 2)`);
      }
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
    }
    const train = byConfig.map(bestOf);
    const accuracies = new Set(byConfig.flat().map((r) => JSON.stringify(r.accuracies)));
    console.log(`  same mean accuracies in every run: ${accuracies.size === 1 ? 'yes' : `NO (${[...accuracies].join(' / ')})`}`);
    results.train = train;
    results.overhead = await measureQueueOverhead(redis.url, 'auto', args['overhead-folds']);
  }
  if (!args['skip-sessions']) {
    const load = { devices: args.devices, seconds: args.seconds };
    const sessions: SessionRun[] = [];
    sessions.push(await loadSessions(root, { replicas: 1, ...load }));
    sessions.push(await loadSessions(root, { replicas: 1, redisUrl: redis.url, ...load }));
    sessions.push(await loadSessions(root, { replicas: 2, redisUrl: redis.url, ...load }));
    results.sessions = sessions;
  }
} finally {
  await redis.stop();
}
console.log('');
console.log(formatScaleTables(results));
const out = join(root, 'bench', 'scale.json');
await mkdir(dirname(out), { recursive: true });
await writeFile(out, `${JSON.stringify({ node: process.version, cores: availableParallelism(), measuredAt: new Date().toISOString(), ...results }, null, 2)}\n`);
console.log(`\nwrote ${out}`);
