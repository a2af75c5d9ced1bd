/**
 * @module Where preprocessing and inference run. {@link InProcessEngine} does both on the calling
 * thread with micro-batched ONNX runs; `WorkerEngine` moves them to worker threads so the event
 * loop only parses and answers. Both give identical predictions.
 */
import type { RawWindow } from '../validation/parse-window.js';
import { MicroBatcher, type RunObserver } from './micro-batcher.js';
import type { Prediction, Predictor, StageTimings } from './predictor.js';

/** Most windows one ONNX run takes when concurrent requests are batched together. */
export const MAX_RUN_BATCH = 64;

/**
 * Runs preprocessing + inference; stage times are added to `timings`. The arrays passed in are
 * handed over (a worker engine transfers their buffers): callers must not reuse them.
 */
export interface InferenceEngine {
  /** Preprocesses raw windows and predicts them. */
  predictRaw(windows: readonly RawWindow[], timings: StageTimings): Promise<Prediction[]>;
  /** Predicts windows that are already model input. */
  predictPreprocessed(inputs: readonly Float32Array[], timings: StageTimings): Promise<Prediction[]>;
  /** Sets the observer told about every ONNX run (duration ms, batch size). */
  onRun(observer: RunObserver): void;
  close(): Promise<void>;
}

/**
 * Preprocessing and micro-batched inference on this thread.
 *
 * @example
 * const engine = new InProcessEngine(predictor);
 * const [p] = await engine.predictRaw([{ samples, sampleRate: 512 }], emptyTimings());
 */
export class InProcessEngine implements InferenceEngine {
  private observer: RunObserver = () => undefined;
  private readonly batcher: MicroBatcher;

  constructor(private readonly predictor: Predictor) {
    this.batcher = new MicroBatcher(predictor, MAX_RUN_BATCH, (ms, batch) => this.observer(ms, batch));
  }

  onRun(observer: RunObserver): void {
    this.observer = observer;
  }

  async predictRaw(windows: readonly RawWindow[], timings: StageTimings): Promise<Prediction[]> {
    const inputs = windows.map((w) => this.predictor.preprocess(w.samples, w.sampleRate, timings));
    return this.predictPreprocessed(inputs, timings);
  }

  async predictPreprocessed(inputs: readonly Float32Array[], timings: StageTimings): Promise<Prediction[]> {
    const t0 = performance.now();
    const predictions = await Promise.all(inputs.map((input) => this.batcher.infer(input)));
    timings.inference += performance.now() - t0;
    return predictions;
  }

  async close(): Promise<void> {
    await this.predictor.close();
  }
}
