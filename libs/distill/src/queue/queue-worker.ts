/**
 * @module A queue worker: takes experiment jobs of any experiment from the BullMQ `jobs` queue and
 * runs them on its own worker-thread pool (the event loop stays free to renew job locks). A
 * teacher job trains, stores its caches in Redis, adds its students as child jobs, waits for them
 * and returns the unit's result; a student job reads its teacher's cache and trains.
 */
import { hostname } from 'node:os';
import { DelayedError, Queue, UnrecoverableError, WaitingChildrenError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { DatasetIdentity } from './dataset-identity.js';
import { ExperimentStore } from './experiment-store.js';
import { jobOptions, type QueueJobData } from './queue-job.js';
import { JOBS_QUEUE, QUEUE_PREFIX, jobIdOf } from './queue-names.js';
import { connectRedis } from './redis-connection.js';
import { decodeWire, encodeWire } from './wire-codec.js';
import type { ExperimentJobResult, JobProgress, StudentJobResult, TeacherCaches, TeachersJobResult } from '../experiments/experiment-job.js';
import { distilledFrom, unitKey, unitStudents, type ViewDatasets } from '../experiments/experiment-plan.js';
import { workerPoolExecutor, type JobExecutor } from '../experiments/job-executor.js';
import { serializeError, type SerializedError } from '../experiments/serialized-error.js';
import { assembleUnit } from '../experiments/unit-result.js';
import type { JobContext } from '../experiments/worker-protocol.js';
import { viewDatasetsHash } from '../data/dataset-hash.js';
import { DistillError } from '../errors.js';
import { needsTeacher } from '../training/loss-spec.js';

/** Options of {@link startQueueWorker}. */
export interface QueueWorkerOptions {
  /** `redis://host:port`. */
  readonly url: string;
  /** Jobs run at once (worker threads). */
  readonly concurrency: number;
  /** tfjs backend of the threads (`auto` or a name). */
  readonly backend: string;
  /**
   * This machine's copy of an experiment's data (regenerated or read from its own path); its
   * hash must equal the identity's.
   */
  readonly resolveDataset: (identity: DatasetIdentity) => Promise<ViewDatasets>;
  /** Worker name in Redis and logs (default `<host>-<pid>`). */
  readonly name?: string;
  /**
   * Seconds without a lock renewal after which a job counts as stalled (its worker died) and goes
   * to another worker; stalled jobs are looked for every half of it. Default 30.
   */
  readonly stallSeconds?: number;
  /** Seconds a teacher cache may live in Redis (a safety net: it is deleted once its students ran). Default one day. */
  readonly cacheTtlSeconds?: number;
  readonly log?: (line: string) => void;
}

/** A running queue worker. */
export interface QueueWorker {
  readonly name: string;
  /** The tfjs backend its threads train on. */
  readonly backend: string;
  /** Stops taking jobs, lets running ones finish, and disconnects. */
  close(): Promise<void>;
}

/** How long a refused job waits before any worker may take it again. */
const REFUSED_DELAY_MS = 2000;
/** Least time between two progress updates of one job (epoch ends always go out). */
const PROGRESS_EVERY_MS = 1000;

/**
 * Starts a queue worker. A worker whose copy of an experiment's data does not match the job's
 * identity (or that cannot make it) refuses: it records why under the experiment and puts the job
 * back for other workers; the coordinator fails the experiment when every live worker refused. A
 * job's own error (same config, same data: it would fail anywhere) fails the experiment at once
 * with that error; a worker killed mid-job leaves a stalled job that another worker retries.
 *
 * @example
 * const worker = await startQueueWorker({ url: 'redis://10.0.0.5:6379', concurrency: 2, backend: 'auto', resolveDataset });
 * process.on('SIGTERM', () => void worker.close());
 */
export async function startQueueWorker(options: QueueWorkerOptions): Promise<QueueWorker> {
  const name = options.name ?? `${hostname()}-${process.pid}`;
  const log = options.log ?? (() => undefined);
  const stallMs = 1000 * (options.stallSeconds ?? 30);
  const ttl = options.cacheTtlSeconds ?? 86_400;
  const redis = await connectRedis(options.url, { onError: (e) => log(`redis: ${e.message}`) });
  let executor: JobExecutor;
  try {
    executor = await workerPoolExecutor(options.backend, options.concurrency);
  } catch (error) {
    redis.disconnect();
    throw error;
  }
  const jobs = new Queue(JOBS_QUEUE, { connection: redis, prefix: QUEUE_PREFIX });
  const contexts = new ContextCache(options.resolveDataset, options.concurrency + 1);

  const processor = async (job: Job<QueueJobData>, token?: string): Promise<unknown> => {
    const data = job.data;
    const store = new ExperimentStore(redis, data.experiment);
    const status = await store.status();
    if (status !== 'running') throw new UnrecoverableError(`experiment ${data.experiment} is ${status ?? 'gone'}; job dropped`);
    const run = async (caches: TeacherCaches): Promise<ExperimentJobResult> => {
      let context: JobContext;
      try {
        context = await contexts.get(data);
      } catch (error) {
        const reason = serializeError(error);
        await store.refuse(name, reason);
        log(`refused ${job.id}: ${reason.code ?? 'ERROR'} ${reason.message}`);
        await job.moveToDelayed(Date.now() + REFUSED_DELAY_MS, token);
        throw new DelayedError();
      }
      const started = performance.now();
      log(`took ${job.id}`);
      try {
        const result = await executor.run(context, data.job, caches, throttled(job));
        log(`done ${job.id} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
        return result;
      } catch (error) {
        throw new JobFailed(serializeError(error));
      }
    };
    try {
      if (data.job.kind === 'student') {
        const result = await run(await studentCaches(store, data));
        await store.markDone(job.id!);
        return encodeWire(result);
      }
      return await teacherJob(job, token, store, data, run);
    } catch (error) {
      if (error instanceof DelayedError || error instanceof WaitingChildrenError || error instanceof UnrecoverableError) throw error;
      const own = error instanceof JobFailed ? error.reason : undefined;
      if (own || job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) {
        const reason = own ?? serializeError(error);
        await store.fail({ job: job.id!, worker: name, error: reason });
        log(`failed ${job.id}: ${reason.code ?? 'ERROR'} ${reason.message}`);
        throw new UnrecoverableError(reason.message);
      }
      throw error;
    }
  };

  const teacherJob = async (
    job: Job<QueueJobData>,
    token: string | undefined,
    store: ExperimentStore,
    data: QueueJobData,
    run: (caches: TeacherCaches) => Promise<ExperimentJobResult>,
  ): Promise<unknown> => {
    const { unit } = data.job;
    let teachers = data.teachers;
    if (teachers === undefined) {
      const result = (await run({})) as TeachersJobResult;
      for (const [teacher, cache] of Object.entries(result.caches)) await store.putCache(unitKey(unit), teacher, cache, ttl);
      const parent = { id: job.id!, queue: job.queueQualifiedName };
      await jobs.addBulk(
        unitStudents(data.config, unit).map((s) => {
          const child = { kind: 'student' as const, unit, student: s.id };
          return { name: 'student', data: { ...data, job: child, teachers: undefined }, opts: { ...jobOptions('student'), jobId: jobIdOf(data.experiment, child), parent } };
        }),
      );
      teachers = encodeWire({ ...result, caches: {} });
      await job.updateData({ ...data, teachers });
      await store.markDone(job.id!);
    }
    if (await job.moveToWaitingChildren(token!)) throw new WaitingChildrenError();
    const students = Object.values((await job.getChildrenValues()) ?? {}).map((v) => decodeWire<StudentJobResult>(v));
    const result = assembleUnit(data.config, decodeWire<TeachersJobResult>(teachers), students);
    await store.deleteCaches(unitKey(unit), [...distilledFrom(data.config, unit)]);
    return encodeWire(result);
  };

  const worker = new Worker<QueueJobData>(JOBS_QUEUE, processor, {
    connection: redis,
    prefix: QUEUE_PREFIX,
    concurrency: options.concurrency,
    name,
    lockDuration: stallMs,
    stalledInterval: Math.max(500, stallMs / 2),
    maxStalledCount: 2,
  });
  worker.on('error', (error) => log(`worker: ${error.message}`));
  await worker.waitUntilReady();
  log(`worker ${name}: ${options.concurrency} thread(s) on ${executor.backend}, taking jobs from ${options.url}`);

  return {
    name,
    backend: executor.backend,
    async close() {
      await worker.close();
      await Promise.all([executor.close(), jobs.close()]);
      await quit(redis);
    },
  };
}

/** A job's own failure (from the training code), as opposed to Redis or the worker. */
class JobFailed extends Error {
  constructor(readonly reason: SerializedError) {
    super(reason.message);
  }
}

/** The student's teacher cache from Redis (none when its loss does not distil). */
async function studentCaches(store: ExperimentStore, data: QueueJobData): Promise<TeacherCaches> {
  if (data.job.kind !== 'student') return {};
  const { unit, student } = data.job;
  const run = unitStudents(data.config, unit).find((s) => s.id === student);
  if (!run || !needsTeacher(run.loss)) return {};
  const cache = await store.getCache(unitKey(unit), run.teacher);
  if (!cache) {
    throw new JobFailed(
      serializeError(
        new DistillError('TEACHER_CACHE_MISSING', `the outputs of teacher "${run.teacher}" of ${unitKey(unit)} are gone from Redis (expired after the cache TTL?); rerun the experiment with a longer TTL`),
      ),
    );
  }
  return { [run.teacher]: cache };
}

/** Progress to the coordinator through BullMQ, at most once a second per job plus every epoch end. */
function throttled(job: Job<QueueJobData>): (p: JobProgress) => void {
  let last = 0;
  return (p) => {
    const now = Date.now();
    if (!p.record && now - last < PROGRESS_EVERY_MS) return;
    last = now;
    job.updateProgress({ ...p }).catch(() => undefined);
  };
}

/**
 * This worker's data per experiment: made once (the `resolveDataset` callback), checked against
 * the identity's hash, kept for the `size` most recent experiments; a refusal is remembered too.
 */
class ContextCache {
  private readonly entries = new Map<string, Promise<JobContext>>();

  constructor(
    private readonly resolve: (identity: DatasetIdentity) => Promise<ViewDatasets>,
    private readonly size: number,
  ) {}

  get(data: QueueJobData): Promise<JobContext> {
    let entry = this.entries.get(data.experiment);
    if (!entry) {
      entry = this.make(data);
      this.entries.set(data.experiment, entry);
      while (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value!);
    }
    return entry;
  }

  private async make(data: QueueJobData): Promise<JobContext> {
    const views = await this.resolve(data.dataset);
    const hash = viewDatasetsHash(views);
    if (hash !== data.dataset.hash) {
      throw new DistillError(
        'DATASET_MISMATCH',
        `this worker's ${data.dataset.source} data hashes to ${hash}, the experiment's to ${data.dataset.hash} (views ${Object.keys(views).sort().join(', ')}): not the same windows`,
      );
    }
    return { key: data.experiment, views, config: data.config };
  }
}

async function quit(redis: Redis): Promise<void> {
  try {
    await redis.quit();
  } catch {
    redis.disconnect();
  }
}
