/**
 * @module Turns validated raw windows into predictions: judge each window's plausibility
 * (@painkd/signals' quality checks), preprocess, infer them as one batch, record inference,
 * stage and quality metrics, and shape the JSON the API answers with.
 */
import { assessSignalQuality, DEFAULT_SIGNAL_QUALITY_CONFIG, type QualityFlag, type SignalQualityConfig } from '@painkd/signals';
import { ApiError } from '../errors/api-error.js';
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

/** The plausibility verdict every prediction carries: `ok` when no flag is raised. */
export interface WindowQuality {
  readonly ok: boolean;
  readonly flags: readonly QualityFlag[];
}

/** One raw window's outcome: its quality, and its prediction unless it was rejected. */
export interface WindowResult {
  readonly quality: WindowQuality;
  readonly prediction: Prediction | undefined;
}

/** A window's quality and, when it will not be predicted, why. */
interface Judged {
  readonly quality: WindowQuality;
  readonly reason: string | undefined;
}

/**
 * What to do with a window that will not be predicted: one the server rejects for a quality flag
 * (`rejectFlagged`), or one with more missing samples than preprocessing can interpolate.
 */
export interface RejectOptions {
  /** `throw`: 422 `SIGNAL_QUALITY` for the request (request/response forms); `skip`: no prediction (streams). */
  readonly onReject: 'throw' | 'skip';
  /** The request path of window `i` (for the 422). */
  readonly pathOf?: (index: number) => string;
}

/** Options of {@link PredictService}. */
export interface PredictServiceOptions {
  /** Reject windows that raise a quality flag instead of predicting them. Default false. */
  readonly rejectFlagged?: boolean;
  /** Thresholds of the plausibility checks. */
  readonly quality?: SignalQualityConfig;
}

/**
 * Quality checks + preprocessing + batched inference (by an {@link InferenceEngine}) + metrics.
 *
 * @example
 * const service = new PredictService(predictor.info, new InProcessEngine(predictor), metrics);
 * const [r] = await service.predictRaw([{ samples, sampleRate: 512 }], 'predict', emptyTimings(), { onReject: 'throw' });
 */
export class PredictService {
  readonly modelRef: ModelRef;
  readonly rejectFlagged: boolean;
  private readonly quality: SignalQualityConfig;

  constructor(
    readonly info: ModelInfo,
    private readonly engine: InferenceEngine,
    private readonly metrics: ApiMetrics,
    options: PredictServiceOptions = {},
  ) {
    this.modelRef = { name: info.name, version: info.version, sha256: info.sha256 };
    this.rejectFlagged = options.rejectFlagged ?? false;
    this.quality = options.quality ?? DEFAULT_SIGNAL_QUALITY_CONFIG;
    engine.onRun((ms, batch) => {
      metrics.inferenceDuration.observe(ms / 1000);
      metrics.inferenceBatch.observe(batch);
    });
  }

  /**
   * Judges, preprocesses and predicts raw windows (micro-batched with concurrent requests), then
   * records the request's stage timings (`parse` as the caller measured it). Flagged windows are
   * predicted too unless the server rejects them; rejected windows follow {@link RejectOptions}.
   */
  async predictRaw(windows: readonly RawWindow[], source: PredictionSource, timings: StageTimings, reject: RejectOptions): Promise<WindowResult[]> {
    const judged = windows.map((w) => this.judge(w));
    const kept = windows.filter((_, i) => judged[i]?.reason === undefined);
    if (kept.length < windows.length) {
      this.metrics.rejectedWindows.inc({ source }, windows.length - kept.length);
      const index = judged.findIndex((j) => j.reason !== undefined);
      const first = judged[index] as Judged;
      if (reject.onReject === 'throw') {
        throw new ApiError('SIGNAL_QUALITY', `window ${index} ${first.reason ?? ''}`, { path: reject.pathOf?.(index) ?? 'samples', details: { window: index, flags: first.quality.flags } });
      }
    }
    const predictions = kept.length > 0 ? await this.engine.predictRaw(kept, timings) : [];
    if (predictions.length > 0) this.record(source, predictions.length, timings);
    let next = 0;
    return judged.map(({ quality, reason }) => ({ quality, prediction: reason === undefined ? predictions[next++] : undefined }));
  }

  /**
   * Predicts windows that are already model input (not skin conductance any more, so not
   * quality-checked). They join the micro-batch queue; the "inference" stage is the time until
   * their predictions are back (waiting included). Records stage timings like {@link PredictService.predictRaw}.
   */
  async predictPreprocessed(inputs: readonly Float32Array[], source: PredictionSource, timings: StageTimings = emptyTimings()): Promise<Prediction[]> {
    const predictions = await this.engine.predictPreprocessed(inputs, timings);
    this.record(source, predictions.length, timings);
    return predictions;
  }

  /** Quality of a window (flags counted) and, when it will not be predicted, why. */
  private judge(window: RawWindow): Judged {
    const { ok, flags, measures } = assessSignalQuality(window.samples, window.sampleRate, this.quality);
    for (const flag of flags) this.metrics.qualityFlags.inc({ flag });
    const missing = measures.samples === 0 ? 1 : measures.missing / measures.samples;
    let reason: string | undefined;
    if (missing > this.info.maxMissingFraction || measures.missing === measures.samples) {
      reason = `has ${(missing * 100).toFixed(1)}% missing samples; at most ${this.info.maxMissingFraction * 100}% can be interpolated`;
    } else if (this.rejectFlagged && !ok) {
      reason = `is not plausible skin conductance (${flags.join(', ')}); this server rejects flagged windows`;
    }
    return { quality: { ok, flags }, reason };
  }

  private record(source: PredictionSource, count: number, timings: StageTimings): void {
    this.metrics.predictions.inc({ source }, count);
    this.metrics.stageDuration.observe({ stage: 'parse' }, timings.parse / 1000);
    this.metrics.stageDuration.observe({ stage: 'resample' }, timings.resample / 1000);
    this.metrics.stageDuration.observe({ stage: 'filter' }, timings.filter / 1000);
    this.metrics.stageDuration.observe({ stage: 'inference' }, timings.inference / 1000);
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
