/**
 * @module Turns validated raw windows into predictions: preprocess each, infer them as one batch,
 * record inference and stage metrics, and shape the JSON the API answers with.
 */
import type { ApiMetrics } from '../metrics/api-metrics.js';
import type { RawWindow } from '../validation/parse-window.js';
import type { InferenceEngine } from './inference-engine.js';
import { emptyTimings, type ModelInfo, type Prediction, type StageTimings } from './predictor.js';

/** Where a prediction was asked for (a metrics label). */
export type PredictionSource = 'predict' | 'batch' | 'ndjson' | 'session' | 'kserve';

/** The `model` object every prediction response carries. */
export interface ModelRef {
  readonly name: string;
  readonly version: string;
  readonly sha256: string;
}

/** Stages of one request in milliseconds, rounded to microseconds. */
export type TimingsJson = Readonly<Record<keyof StageTimings, number>>;

/**
 * Preprocessing + batched inference (by an {@link InferenceEngine}) + metrics.
 *
 * @example
 * const service = new PredictService(predictor.info, new InProcessEngine(predictor), metrics);
 * const [p] = await service.predictRaw([{ samples, sampleRate: 512 }], 'predict', timings);
 */
export class PredictService {
  readonly modelRef: ModelRef;

  constructor(
    readonly info: ModelInfo,
    private readonly engine: InferenceEngine,
    private readonly metrics: ApiMetrics,
  ) {
    this.modelRef = { name: info.name, version: info.version, sha256: info.sha256 };
    engine.onRun((ms, batch) => {
      metrics.inferenceDuration.observe(ms / 1000);
      metrics.inferenceBatch.observe(batch);
    });
  }

  /**
   * Preprocesses raw windows and predicts them (micro-batched with concurrent requests), then
   * records the request's stage timings (`parse` as the caller measured it) in the histogram.
   */
  async predictRaw(windows: readonly RawWindow[], source: PredictionSource, timings: StageTimings = emptyTimings()): Promise<Prediction[]> {
    const predictions = await this.engine.predictRaw(windows, timings);
    this.record(source, predictions.length, timings);
    return predictions;
  }

  /**
   * Predicts windows that are already model input. They join the micro-batch queue; the
   * "inference" stage is the time until their predictions are back (waiting included). Records
   * the stage timings like {@link PredictService.predictRaw}.
   */
  async predictPreprocessed(inputs: readonly Float32Array[], source: PredictionSource, timings: StageTimings = emptyTimings()): Promise<Prediction[]> {
    const predictions = await this.engine.predictPreprocessed(inputs, timings);
    this.record(source, predictions.length, timings);
    return predictions;
  }

  private record(source: PredictionSource, count: number, timings: StageTimings): void {
    this.metrics.predictions.inc({ source }, count);
    this.metrics.stageDuration.observe(timings.parse / 1000, { stage: 'parse' });
    this.metrics.stageDuration.observe(timings.resample / 1000, { stage: 'resample' });
    this.metrics.stageDuration.observe(timings.filter / 1000, { stage: 'filter' });
    this.metrics.stageDuration.observe(timings.inference / 1000, { stage: 'inference' });
  }
}

/**
 * Rounds stage timings for JSON and `Server-Timing`.
 *
 * @example
 * timingsJson({ parse: 0.1234567, resample: 0, filter: 0, inference: 0.2 }); // { parse: 0.123, … }
 */
export function timingsJson(timings: StageTimings): TimingsJson {
  return {
    parse: round3(timings.parse),
    resample: round3(timings.resample),
    filter: round3(timings.filter),
    inference: round3(timings.inference),
  };
}

/**
 * The `Server-Timing` header value for stage timings.
 *
 * @example
 * serverTiming(timings); // "parse;dur=0.12, resample;dur=0.05, filter;dur=0.01, inference;dur=0.2"
 */
export function serverTiming(timings: StageTimings): string {
  const t = timingsJson(timings);
  return `parse;dur=${t.parse}, resample;dur=${t.resample}, filter;dur=${t.filter}, inference;dur=${t.inference}`;
}

/** Rounds to 3 decimals (microseconds when the unit is ms). */
export function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
