/**
 * @module What the queue adds per job: many near-empty jobs (tiny nets, one epoch) through one
 * in-process queue worker of one thread, against the local pool of one thread in the same
 * process; and the Redis commands and bytes each job costs (Redis `INFO` before and after).
 */
import { resolveExperimentConfig, runExperiment, localScheduler, workerPoolExecutor, viewDatasetsHash, type ViewDatasets, type WindowDataset } from '@painkd/distill';
import { connectRedis, queueScheduler, startQueueWorker } from '@painkd/distill/queue';
import { createRng } from '@painkd/signals';
import { perUnit, redisCounters } from './redis-counters.js';

/** The overhead measurement. */
export interface QueueOverhead {
  readonly jobs: number;
  readonly localMs: number;
  readonly queueMs: number;
  /** (queue − local) / jobs. */
  readonly overheadMsPerJob: number;
  /** What each job cost Redis: commands (scripts' own calls included), CPU µs, bytes. */
  readonly redisPerJob: { readonly commands: number; readonly cpuUs: number; readonly bytes: number };
}

/**
 * Times `folds` folds × (teacher + 3 students) + the final pair of one-epoch jobs on tiny nets,
 * locally (a warm one-thread pool) and through the queue at `url` (a warm one-thread worker),
 * the best of three runs after a warm-up each, so thread start-up and data loading are not counted
 * and other load on a shared machine disturbs it least.
 *
 * @example
 * const o = await measureQueueOverhead('redis://127.0.0.1:6400', 'wasm', 8);
 */
export async function measureQueueOverhead(url: string, backend: string, folds: number): Promise<QueueOverhead> {
  const views: ViewDatasets = { lab: randomWindows(folds, 1) };
  const net = { filters: [2, 2], kernelSizes: [3, 3], hiddenUnits: 2, bnMomentum: 0.9 };
  const config = resolveExperimentConfig({
    cv: { folds },
    training: { epochs: 1, batchSize: 64 },
    teacher: { net: { arch: 'teacher-cnn', config: net } },
    student: { arch: 'student-tiny', config: net },
    runs: [
      { id: 'student-ce', loss: { ce: 1 } },
      { id: 'student-kd', loss: { ce: 0.5, kd: { weight: 0.5, temperature: 2 } } },
      { id: 'student-fitnets', loss: { ce: 0.5, fitnets: { weight: 0.5 } } },
    ],
    final: { enabled: true, student: 'auto' },
    backend,
    workers: 1,
  });
  const jobs = folds * 4 + 2;
  const source = { source: 'synthetic' as const, root: 'bench' };
  const pool = await workerPoolExecutor(backend, 1);
  // The scheduler's close() would close the pool: keep it for the second run.
  const local = () => runExperiment({ views, source, config, scheduler: async (plan, v) => ({ ...localScheduler(pool, plan, v), close: async () => undefined }) });
  await local();
  const localMs = await best(local);
  await pool.close();
  const worker = await startQueueWorker({ url, concurrency: 1, backend, resolveDataset: async () => views, name: 'bench' });
  const redis = await connectRedis(url);
  try {
    const dataset = { source: 'synthetic' as const, hash: viewDatasetsHash(views), views: {}, seed: 1 };
    const queued = () => runExperiment({ views, source, config, scheduler: queueScheduler({ url, dataset, source }) });
    await queued();
    const before = await redisCounters(redis);
    const queueMs = await best(queued);
    return { jobs, localMs, queueMs, overheadMsPerJob: (queueMs - localMs) / jobs, redisPerJob: perUnit(before, await redisCounters(redis), 3 * jobs) };
  } finally {
    await worker.close();
    await redis.quit();
  }
}

/** The shortest of three timed runs, ms. */
async function best(run: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return Math.min(...times);
}

/** `subjects` subjects × 5 classes × `perClass` windows of 32 random samples. */
function randomWindows(subjects: number, perClass: number): WindowDataset {
  const rng = createRng(7);
  const n = subjects * 5 * perClass;
  return {
    x: Float32Array.from({ length: n * 32 }, () => rng.normal()),
    labels: Int32Array.from({ length: n }, (_, i) => Math.floor(i / perClass) % 5),
    subjectOf: Int32Array.from({ length: n }, (_, i) => Math.floor(i / (5 * perClass))),
    subjects: Array.from({ length: subjects }, (_, s) => `s${s}`),
    length: 32,
    channels: 1,
    classes: 5,
  };
}
