/** @module A worker thread that runs experiment jobs on its own tfjs backend (one core per thread). */
import { parentPort, workerData } from 'node:worker_threads';
import { initBackend, type BackendName } from '@painkd/models';
import { planExperiment, type ExperimentPlan } from './experiment-plan.js';
import { runExperimentJob } from './run-job.js';
import { serializeError } from './serialized-error.js';
import { CONTEXTS_PER_THREAD, type FromWorker, type JobWorkerData, type ToWorker } from './worker-protocol.js';

const port = parentPort!;
const { backend } = workerData as JobWorkerData;
const post = (message: FromWorker): void => port.postMessage(message);
const plans = new Map<string, ExperimentPlan>();

function planFor(context: ToWorker['context']): ExperimentPlan {
  if (typeof context !== 'string') {
    plans.delete(context.key);
    plans.set(context.key, planExperiment(context.views, context.config));
    while (plans.size > CONTEXTS_PER_THREAD) plans.delete(plans.keys().next().value!);
    return plans.get(context.key)!;
  }
  const plan = plans.get(context);
  if (!plan) throw new Error(`job worker: no experiment "${context}" loaded`);
  return plan;
}

try {
  const info = await initBackend(backend as BackendName);
  post({ type: 'ready', backend: info.name, ...(info.adapter ? { adapter: info.adapter } : {}) });
  port.on('message', (message: ToWorker) => {
    Promise.resolve()
      .then(() => runExperimentJob(message.job, planFor(message.context), message.caches, { onProgress: (progress) => post({ type: 'progress', id: message.id, progress }) }))
      .then(
        (result) => post({ type: 'result', id: message.id, result }),
        (error: unknown) => post({ type: 'error', id: message.id, error: serializeError(error) }),
      );
  });
} catch (error) {
  post({ type: 'error', id: null, error: serializeError(error) });
}
