/**
 * @module @painkd/distill/queue — experiments beyond one machine, on BullMQ and Redis: the
 * coordinator's scheduler, the worker, and what travels between them. Kept out of the root barrel
 * so the default (worker threads, no Redis) never loads bullmq or ioredis.
 */
export type { DatasetIdentity } from './dataset-identity.js';
export { ExperimentStore, readExperiment, type ExperimentRecord, type ExperimentSpec, type ExperimentStatus, type JobFailure } from './experiment-store.js';
export { finishExperiment, queueScheduler, removeJobs, type QueueSchedulerOptions } from './queue-scheduler.js';
export { startQueueWorker, type QueueWorker, type QueueWorkerOptions } from './queue-worker.js';
export { connectRedis, parseQueueUrl } from './redis-connection.js';
export { JOBS_QUEUE, QUEUE_PREFIX, checkExperimentId } from './queue-names.js';
