/**
 * @module The coordinator side of a queued experiment: a {@link UnitScheduler} that enqueues units
 * as a BullMQ flow (a parent job per run of units, its children the units' teacher jobs, whose own
 * children are the student jobs) and waits for it, reporting progress, job counts, live workers,
 * refusals and the first failure. A restarted coordinator resumes the same flow by experiment id.
 */
import { FlowProducer, Job, Queue, QueueEvents, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { DatasetIdentity } from './dataset-identity.js';
import { ExperimentStore, type JobFailure } from './experiment-store.js';
import { jobOptions, type QueueJobData } from './queue-job.js';
import { JOBS_QUEUE, QUEUE_PREFIX, checkExperimentId, flowJobId, flowQueue, jobIdOf, newExperimentId, parseJobId } from './queue-names.js';
import { connectRedis } from './redis-connection.js';
import { decodeWire } from './wire-codec.js';
import type { ExperimentConfig } from '../experiments/experiment-config.js';
import type { JobProgress, UnitResult } from '../experiments/experiment-job.js';
import { unitKey, unitStudents, type Unit } from '../experiments/experiment-plan.js';
import type { DataSource } from '../experiments/run-experiment.js';
import { reviveError, type RevivedError } from '../experiments/serialized-error.js';
import type { SchedulerFactory, SchedulerHooks, UnitScheduler } from '../experiments/unit-scheduler.js';
import { DistillError } from '../errors.js';

/** Options of {@link queueScheduler}. */
export interface QueueSchedulerOptions {
  /** `redis://host:port`. */
  readonly url: string;
  /** The id of an experiment to resume; a new experiment when absent. */
  readonly resume?: string;
  /** The data's identity (workers check their copy against its hash). */
  readonly dataset: DatasetIdentity;
  readonly source: DataSource;
  /** Told the experiment id as soon as it is known (print it: `--resume` needs it). */
  readonly onExperiment?: (id: string, resumed: boolean) => void;
  /** How often job counts, workers and failures are polled (ms, default 1000). */
  readonly pollMs?: number;
}

/**
 * The queue's {@link SchedulerFactory}. A new experiment stores its spec (config, dataset
 * identity, source) under a fresh id; `resume` reattaches to a running one (refusing one that
 * finished, failed or was aborted, or whose data hash differs: `EXPERIMENT_CLOSED`,
 * `DATASET_MISMATCH`, `EXPERIMENT_NOT_FOUND`). A job's own failure rejects `run` with the
 * worker's error (its code kept); when every live worker refused the data, `run` rejects with the
 * refusals. Aborting `signal` marks the experiment aborted and removes its jobs. On success the
 * flow's jobs are gone from Redis; call {@link finishExperiment} once the outputs are written.
 *
 * @example
 * const scheduler = queueScheduler({ url, dataset, source, onExperiment: (id) => log(id) });
 * const { report } = await runExperiment({ views, source, config, scheduler });
 */
export function queueScheduler(options: QueueSchedulerOptions): SchedulerFactory {
  return async (plan, _views, signal) => {
    const redis = await connectRedis(options.url);
    try {
      const id = options.resume ? checkExperimentId(options.resume) : newExperimentId();
      const store = new ExperimentStore(redis, id);
      if (options.resume) await checkResumable(store, options.dataset);
      else await store.create({ config: plan.config, dataset: options.dataset, source: options.source, createdAt: new Date().toISOString() });
      options.onExperiment?.(id, options.resume !== undefined);
      return new QueueUnitScheduler(redis, store, plan.config, plan.perRepeat, options, signal);
    } catch (error) {
      redis.disconnect();
      throw error;
    }
  };
}

async function checkResumable(store: ExperimentStore, dataset: DatasetIdentity): Promise<void> {
  const record = await store.read();
  if (!record) throw new DistillError('EXPERIMENT_NOT_FOUND', `no experiment "${store.id}" in this Redis (finished ones are kept a week)`);
  if (record.status !== 'running') {
    const why = record.failure ? `: ${describeFailure(record.failure)}` : '';
    throw new DistillError('EXPERIMENT_CLOSED', `experiment ${store.id} is ${record.status}${why}`);
  }
  if (record.spec.dataset.hash !== dataset.hash) {
    throw new DistillError('DATASET_MISMATCH', `experiment ${store.id} ran on data hashing to ${record.spec.dataset.hash}; this coordinator's data hashes to ${dataset.hash}`);
  }
}

interface Waiter {
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
}

class QueueUnitScheduler implements UnitScheduler {
  private readonly flows: Queue;
  private readonly jobs: Queue;
  private readonly producer: FlowProducer;
  private readonly events: QueueEvents;
  private readonly coordinator: Worker;
  private readonly waiters = new Map<string, Waiter>();
  private readonly backends = new Set<string>();
  private hooks: SchedulerHooks | undefined;
  private runs = 0;
  private total = 0;
  private maxWorkers = 0;
  private failure: Error | undefined;
  private readonly timer: NodeJS.Timeout;
  private polling = false;

  constructor(
    private readonly redis: Redis,
    private readonly store: ExperimentStore,
    private readonly config: ExperimentConfig,
    private readonly perRepeat: number,
    private readonly options: QueueSchedulerOptions,
    signal: AbortSignal | undefined,
  ) {
    const connection = { connection: redis, prefix: QUEUE_PREFIX };
    this.flows = new Queue(flowQueue(store.id), connection);
    this.jobs = new Queue(JOBS_QUEUE, connection);
    this.producer = new FlowProducer(connection);
    this.events = new QueueEvents(JOBS_QUEUE, connection);
    this.events.on('progress', ({ jobId, data }) => {
      if (parseJobId(store.id, jobId, perRepeat) && typeof data === 'object') this.hooks?.onProgress(data as unknown as JobProgress);
    });
    // A job failed for good: its own error is recorded under the experiment by its worker; a job
    // that stalled too often (its workers kept dying) has only BullMQ's reason.
    this.events.on('failed', ({ jobId, failedReason }) => {
      if (!parseJobId(store.id, jobId, perRepeat)) return;
      void store.read().then(
        (record) => this.fail(record?.failure ? failureError(record.failure) : new DistillError('EXPERIMENT_ABORTED', `job ${jobId} failed: ${failedReason}`)),
        () => undefined,
      );
    });
    this.events.on('completed', ({ jobId }) => {
      const job = parseJobId(store.id, jobId, perRepeat);
      if (job) this.hooks?.onFinished(job.job, job.student === undefined ? undefined : [job.student]);
    });
    // The parent of a run of units completes here, once all its units did.
    this.coordinator = new Worker(flowQueue(store.id), async (job) => this.waiters.get(job.id!)?.resolve(), { ...connection, concurrency: 1 });
    this.coordinator.on('error', () => undefined);
    this.timer = setInterval(() => void this.poll(), options.pollMs ?? 1000);
    signal?.addEventListener('abort', () => void this.abort());
  }

  async run(units: readonly Unit[], hooks: SchedulerHooks): Promise<UnitResult[]> {
    this.hooks = hooks;
    const flowId = flowJobId(this.store.id, this.runs++);
    this.total += units.reduce((n, unit) => n + 1 + unitStudents(this.config, unit).length, 0);
    const finished = new Promise<void>((resolve, reject) => this.waiters.set(flowId, { resolve, reject }));
    finished.catch(() => undefined);
    if (this.failure) throw this.failure;
    let parent = await Job.fromId(this.flows, flowId);
    if (!parent) {
      const { dataset } = this.options;
      await this.producer.add({
        name: 'units',
        queueName: flowQueue(this.store.id),
        data: { experiment: this.store.id },
        opts: { jobId: flowId },
        children: units.map((unit) => {
          const job = { kind: 'teachers' as const, unit };
          const data: QueueJobData = { experiment: this.store.id, config: this.config, dataset, job };
          return { name: 'teachers', queueName: JOBS_QUEUE, data, opts: { ...jobOptions('teachers'), jobId: jobIdOf(this.store.id, job) } };
        }),
      });
      parent = await Job.fromId(this.flows, flowId);
    }
    if ((await parent?.getState()) !== 'completed') await finished;
    this.waiters.delete(flowId);
    void this.poll();
    const values = Object.values((await (await Job.fromId(this.flows, flowId))?.getChildrenValues()) ?? {}).map((v) => decodeWire<UnitResult>(v));
    return units.map((unit) => {
      const result = values.find((v) => unitKey(v.unit) === unitKey(unit));
      if (!result) throw new DistillError('EXPERIMENT_ABORTED', `experiment ${this.store.id}: no result for ${unitKey(unit)}`);
      result.backends.forEach((b) => this.backends.add(b));
      return result;
    });
  }

  runtime(): { backend: string; workers: number } {
    return { backend: [...this.backends].sort().join('+') || 'unknown', workers: this.maxWorkers };
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    while (this.polling) await new Promise((resolve) => setTimeout(resolve, 20));
    if (this.failure) {
      await this.store.dropCaches().catch(() => undefined);
      await removeJobs(this.redis, this.store.id).catch(() => undefined);
    }
    await Promise.all([this.coordinator.close(), this.events.close(), this.producer.close(), this.flows.close(), this.jobs.close()]);
    try {
      await this.redis.quit();
    } catch {
      this.redis.disconnect();
    }
  }

  private async poll(): Promise<void> {
    if (this.polling || this.failure) return;
    this.polling = true;
    try {
      const [status, done, workers, active, refusals] = await Promise.all([
        this.store.status(),
        this.store.doneCount(),
        this.jobs.getWorkers(),
        this.jobs.getRanges(['active']),
        this.store.refusals(),
      ]);
      if (status === 'failed') {
        const record = await this.store.read();
        return this.fail(record?.failure ? failureError(record.failure) : new DistillError('EXPERIMENT_ABORTED', `experiment ${this.store.id} failed`));
      }
      if (status !== 'running') return this.fail(new DistillError('EXPERIMENT_ABORTED', `experiment ${this.store.id} was ${status ?? 'removed'}`));
      const alive = [...new Set(workers.map((w) => workerName(w.rawname)))];
      this.maxWorkers = Math.max(this.maxWorkers, alive.length);
      const running = active.filter((id) => parseJobId(this.store.id, id, this.perRepeat)).length;
      if (alive.length > 0 && running === 0 && alive.every((w) => refusals[w])) {
        const lines = alive.map((w) => `${w}: ${refusals[w]!.code ?? 'ERROR'} ${refusals[w]!.message}`);
        const first = refusals[alive[0]!]!;
        const error = new DistillError(first.code === 'DATASET_UNAVAILABLE' ? 'DATASET_UNAVAILABLE' : 'DATASET_MISMATCH', `every live worker refused the data of experiment ${this.store.id}:\n  ${lines.join('\n  ')}`);
        await this.store.fail({ job: '(none)', worker: alive.join(','), error: { message: error.message, code: error.code } });
        return this.fail(error);
      }
      this.hooks?.onCounts({ queued: Math.max(0, this.total - done - running), running, done, workers: alive.length });
    } catch {
      // Redis unreachable for a moment: the next poll tries again (BullMQ waits for the reconnect).
    } finally {
      this.polling = false;
    }
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiter of this.waiters.values()) waiter.reject(this.failure);
  }

  private async abort(): Promise<void> {
    this.fail(new DistillError('EXPERIMENT_ABORTED', 'the experiment was aborted'));
    await this.store.abort().catch(() => undefined);
  }
}

/** The worker name inside a BullMQ worker's client name (`<prefix>:<queue>:w:<name>`). */
function workerName(rawname: string | undefined): string {
  const at = rawname?.indexOf(':w:') ?? -1;
  return at >= 0 ? rawname!.slice(at + 3) : (rawname ?? '');
}

function describeFailure(failure: JobFailure): string {
  return `job ${failure.job} failed on worker ${failure.worker}: ${failure.error.code ? `${failure.error.code}: ` : ''}${failure.error.message}`;
}

/** The worker's error, rethrown here with its code, naming the job and worker. */
function failureError(failure: JobFailure): RevivedError {
  const error = reviveError({ ...failure.error, message: `job ${failure.job} on worker ${failure.worker}: ${failure.error.message}` });
  return error;
}

/**
 * Removes what is left of an experiment's jobs: its coordinator queue and every job of the shared
 * queue whose id belongs to it (a job a worker still holds stays until it ends).
 *
 * @example
 * await removeJobs(redis, 'em3k9x2a-4f01c2');
 */
export async function removeJobs(redis: Redis, experiment: string): Promise<void> {
  const jobs = new Queue(JOBS_QUEUE, { connection: redis, prefix: QUEUE_PREFIX });
  const flows = new Queue(flowQueue(experiment), { connection: redis, prefix: QUEUE_PREFIX });
  try {
    const ids = new Set<string>();
    let cursor = '0';
    const pattern = `${QUEUE_PREFIX}:${JOBS_QUEUE}:${experiment}.*`;
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
      for (const key of keys) ids.add(key.slice(`${QUEUE_PREFIX}:${JOBS_QUEUE}:`.length).split(':')[0]!);
      cursor = next;
    } while (cursor !== '0');
    for (const id of ids) await jobs.remove(id, { removeChildren: true }).catch(() => 0);
    await flows.obliterate({ force: true });
  } finally {
    await Promise.all([jobs.close(), flows.close()]);
  }
}

/**
 * Closes a queued experiment once its outputs are written: marks it done (kept a week, so a
 * `--resume` of it says so), removes its jobs, caches and bookkeeping.
 *
 * @example
 * await finishExperiment('redis://10.0.0.5:6379', id);
 */
export async function finishExperiment(url: string, experiment: string): Promise<void> {
  const redis = await connectRedis(url);
  try {
    await new ExperimentStore(redis, experiment).finish(7 * 86_400);
    await removeJobs(redis, experiment);
  } finally {
    await redis.quit().catch(() => redis.disconnect());
  }
}
