/**
 * @module One queued experiment's own state in Redis, next to its BullMQ jobs: the spec a resumed
 * coordinator and every worker read, its status and first failure, which jobs are done, which
 * workers refused its data, and the teacher caches (binary, with a TTL) its students read.
 */
import type { Redis } from 'ioredis';
import type { DatasetIdentity } from './dataset-identity.js';
import { checkExperimentId, experimentKeys } from './queue-names.js';
import { connectRedis } from './redis-connection.js';
import { decodeTeacherCache, encodeTeacherCache } from './teacher-cache-codec.js';
import type { ExperimentConfig } from '../experiments/experiment-config.js';
import type { TeacherCache } from '../experiments/experiment-job.js';
import type { DataSource } from '../experiments/run-experiment.js';
import type { SerializedError } from '../experiments/serialized-error.js';
import { DistillError } from '../errors.js';

/** What a queued experiment is: enough for a worker to train its jobs and a coordinator to resume it. */
export interface ExperimentSpec {
  readonly config: ExperimentConfig;
  readonly dataset: DatasetIdentity;
  readonly source: DataSource;
  readonly createdAt: string;
}

/** Where a queued experiment stands. */
export type ExperimentStatus = 'running' | 'done' | 'failed' | 'aborted';

/** The first job that failed, where, and why. */
export interface JobFailure {
  readonly job: string;
  readonly worker: string;
  readonly error: SerializedError;
}

/** The experiment record as read back. */
export interface ExperimentRecord {
  readonly spec: ExperimentSpec;
  readonly status: ExperimentStatus;
  readonly failure?: JobFailure;
}

/**
 * Reads and writes one experiment's state.
 *
 * @example
 * const store = new ExperimentStore(redis, id);
 * if ((await store.status()) !== 'running') return;
 */
export class ExperimentStore {
  private readonly keys: ReturnType<typeof experimentKeys>;

  constructor(
    private readonly redis: Redis,
    readonly id: string,
  ) {
    this.keys = experimentKeys(id);
  }

  /** Writes the spec and `running`, unless the experiment already exists. Returns whether it was new. */
  async create(spec: ExperimentSpec): Promise<boolean> {
    const created = await this.redis.hsetnx(this.keys.record, 'spec', JSON.stringify(spec));
    if (created === 1) await this.redis.hset(this.keys.record, 'status', 'running');
    return created === 1;
  }

  async read(): Promise<ExperimentRecord | undefined> {
    const fields = await this.redis.hgetall(this.keys.record);
    if (!fields.spec) return undefined;
    return {
      spec: JSON.parse(fields.spec) as ExperimentSpec,
      status: (fields.status ?? 'running') as ExperimentStatus,
      ...(fields.error ? { failure: JSON.parse(fields.error) as JobFailure } : {}),
    };
  }

  async status(): Promise<ExperimentStatus | undefined> {
    return ((await this.redis.hget(this.keys.record, 'status')) ?? undefined) as ExperimentStatus | undefined;
  }

  /** Records the experiment's first failure (later ones are ignored) and marks it failed. */
  async fail(failure: JobFailure): Promise<void> {
    await this.redis.multi().hsetnx(this.keys.record, 'error', JSON.stringify(failure)).hset(this.keys.record, 'status', 'failed').exec();
  }

  async abort(): Promise<void> {
    await this.redis.hset(this.keys.record, 'status', 'aborted');
  }

  /** Marks it done, drops its caches and bookkeeping, and keeps the record `keepS` seconds. */
  async finish(keepS: number): Promise<void> {
    await this.dropCaches();
    await this.redis.multi().hset(this.keys.record, 'status', 'done').expire(this.keys.record, keepS).del(this.keys.done, this.keys.refused).exec();
  }

  async markDone(jobId: string): Promise<void> {
    await this.redis.sadd(this.keys.done, jobId);
  }

  async doneCount(): Promise<number> {
    return this.redis.scard(this.keys.done);
  }

  /** Records that `worker` will not run this experiment, and why. */
  async refuse(worker: string, reason: SerializedError): Promise<void> {
    await this.redis.hset(this.keys.refused, worker, JSON.stringify(reason));
  }

  async refusals(): Promise<Record<string, SerializedError>> {
    const all = await this.redis.hgetall(this.keys.refused);
    return Object.fromEntries(Object.entries(all).map(([worker, reason]) => [worker, JSON.parse(reason) as SerializedError]));
  }

  async putCache(unit: string, teacher: string, cache: TeacherCache, ttlS: number): Promise<void> {
    await this.redis.set(this.keys.cache(unit, teacher), encodeTeacherCache(cache), 'EX', ttlS);
  }

  /** A unit's teacher cache, or `undefined` when it is gone (expired or deleted). */
  async getCache(unit: string, teacher: string): Promise<TeacherCache | undefined> {
    const bytes = await this.redis.getBuffer(this.keys.cache(unit, teacher));
    return bytes ? decodeTeacherCache(bytes, `teacher "${teacher}" of ${unit}`) : undefined;
  }

  async deleteCaches(unit: string, teachers: readonly string[]): Promise<void> {
    if (teachers.length > 0) await this.redis.del(...teachers.map((t) => this.keys.cache(unit, t)));
  }

  /** Deletes every teacher cache of the experiment. */
  async dropCaches(): Promise<void> {
    let cursor = '0';
    do {
      const [next, keys] = await this.redis.scan(cursor, 'MATCH', this.keys.caches, 'COUNT', 200);
      if (keys.length > 0) await this.redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  }
}

/**
 * Reads a queued experiment's record from the Redis at `url` (for `--resume`): its spec, status
 * and first failure. Throws `EXPERIMENT_NOT_FOUND` when there is none with that id.
 *
 * @example
 * const { spec } = await readExperiment('redis://10.0.0.5:6379', 'em3k9x2a-4f01c2');
 */
export async function readExperiment(url: string, id: string): Promise<ExperimentRecord> {
  const redis = await connectRedis(url);
  try {
    const record = await new ExperimentStore(redis, checkExperimentId(id)).read();
    if (!record) throw new DistillError('EXPERIMENT_NOT_FOUND', `no experiment "${id}" in the Redis at ${url} (finished ones are kept a week)`);
    return record;
  } finally {
    await redis.quit().catch(() => redis.disconnect());
  }
}
