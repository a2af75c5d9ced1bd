/**
 * @module The worker-thread side of `WorkerEngine`: loads and verifies the artifact itself, then
 * preprocesses and infers (micro-batched) the windows the main thread posts, answering with
 * predictions and stage times, and reporting every ONNX run.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ApiError } from '../errors/api-error.js';
import { toApiError } from '../errors/to-api-error.js';
import { InProcessEngine } from './inference-engine.js';
import { loadPredictor, type LoadPredictorOptions } from './onnx-predictor.js';
import { emptyTimings } from './predictor.js';
import type { WorkerReply, WorkerRequest } from './worker-protocol.js';

const port = parentPort;
if (port === null) throw new Error('engine-worker must run in a worker thread');
const data = workerData as { modelDir: string; options: LoadPredictorOptions };

try {
  const predictor = await loadPredictor(data.modelDir, data.options);
  const engine = new InProcessEngine(predictor);
  engine.onRun((ms, batch) => port.postMessage({ type: 'run', ms, batch } satisfies WorkerReply));
  port.on('message', (message: WorkerRequest) => {
    if (message.type === 'close') {
      void engine.close().finally(() => port.close());
      return;
    }
    const timings = emptyTimings();
    const work =
      message.type === 'raw'
        ? engine.predictRaw(
            message.samples.map((samples, i) => ({ samples, sampleRate: message.rates[i] as number })),
            timings,
          )
        : engine.predictPreprocessed(message.inputs, timings);
    work.then(
      (predictions) => port.postMessage({ type: 'result', id: message.id, predictions, timings } satisfies WorkerReply),
      (error: unknown) => {
        const e: ApiError = toApiError(error);
        port.postMessage({ type: 'error', id: message.id, error: { code: e.code, message: e.message, path: e.path, details: e.details } } satisfies WorkerReply);
      },
    );
  });
  port.postMessage({ type: 'ready' } satisfies WorkerReply);
} catch (error) {
  port.postMessage({ type: 'fatal', message: error instanceof Error ? error.message : String(error) } satisfies WorkerReply);
}
