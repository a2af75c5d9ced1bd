/**
 * @module What one BullMQ job carries: the experiment's config and dataset identity (never its
 * data) and the {@link ExperimentJob} itself; and the options every experiment job is added with.
 */
import type { JobsOptions } from 'bullmq';
import type { DatasetIdentity } from './dataset-identity.js';
import type { Wire } from './wire-codec.js';
import type { ExperimentConfig } from '../experiments/experiment-config.js';
import type { ExperimentJob } from '../experiments/experiment-job.js';

/** The data of an experiment job on the queue. */
export interface QueueJobData {
  readonly experiment: string;
  readonly config: ExperimentConfig;
  readonly dataset: DatasetIdentity;
  readonly job: ExperimentJob;
  /**
   * Teacher jobs, once their teachers trained and their student jobs were added: the teachers'
   * results (encoded, without caches). A teacher job run again from here only collects.
   */
  readonly teachers?: Wire;
}

/**
 * BullMQ options of an experiment job. Students run before teachers (priority 1 vs 2), so a
 * unit's teacher cache lives only until its students ran; a job error that is not the job's own
 * (Redis hiccup) is retried twice; a child's failure fails its parent, and so the experiment.
 * Finished jobs leave Redis: their results live on in the parent.
 *
 * @example
 * await queue.add('student', data, { ...jobOptions('student'), jobId, parent });
 */
export function jobOptions(kind: ExperimentJob['kind']): JobsOptions {
  return {
    priority: kind === 'student' ? 1 : 2,
    attempts: 3,
    backoff: { type: 'fixed', delay: 2000 },
    failParentOnFailure: true,
    removeOnComplete: true,
  };
}
