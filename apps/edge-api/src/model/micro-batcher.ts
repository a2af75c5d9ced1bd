/**
 * @module Micro-batching for inference: while one ONNX run is in flight, windows from concurrent
 * requests wait and then go together as one batch. An idle server runs a window at once (no added
 * latency); a busy one pays one run's overhead for many windows (a batch of 8 costs ~1.2× a
 * single window on onnxruntime-node).
 */
import type { Prediction, Predictor, StageTimings } from './predictor.js';

interface Pending {
  readonly input: Float32Array;
  readonly resolve: (p: Prediction) => void;
  readonly reject: (e: unknown) => void;
}

/** Called after each run with its duration (ms) and batch size. */
export type RunObserver = (ms: number, batch: number) => void;

/**
 * Coalesces concurrent inference calls into batches of at most `maxBatch` windows.
 *
 * @example
 * const batcher = new MicroBatcher(predictor, 64, (ms, n) => metrics.inferenceDuration.observe(ms / 1000));
 * const prediction = await batcher.infer(window);
 */
export class MicroBatcher {
  private queue: Pending[] = [];
  private running = false;

  constructor(
    private readonly predictor: Predictor,
    private readonly maxBatch: number,
    private readonly observe: RunObserver,
  ) {}

  /** Predicts one preprocessed window, batched with whatever else is waiting. */
  infer(input: Float32Array): Promise<Prediction> {
    return new Promise((resolve, reject) => {
      this.queue.push({ input, resolve, reject });
      this.drain();
    });
  }

  private drain(): void {
    if (this.running || this.queue.length === 0) return;
    const batch = this.queue.length <= this.maxBatch ? this.queue : this.queue.slice(0, this.maxBatch);
    this.queue = this.queue.length <= this.maxBatch ? [] : this.queue.slice(this.maxBatch);
    this.running = true;
    const timings: StageTimings = { parse: 0, resample: 0, filter: 0, inference: 0 };
    this.predictor
      .infer(
        batch.map((p) => p.input),
        timings,
      )
      .then(
        (predictions) => {
          this.observe(timings.inference, batch.length);
          batch.forEach((p, i) => p.resolve(predictions[i] as Prediction));
        },
        (error: unknown) => batch.forEach((p) => p.reject(error)),
      )
      .finally(() => {
        this.running = false;
        this.drain();
      });
  }
}
