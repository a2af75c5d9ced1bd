/**
 * @module `POST /predict`: one window (JSON or little-endian float32 bytes), a batch
 * `{ windows: [...] }`, or an NDJSON upload answered as a stream of predictions.
 */
import type { Context } from 'hono';
import type { AppEnv } from '../../app/app-env.js';
import { readBody } from '../../body/read-body.js';
import type { ApiLimits } from '../../config/limits.js';
import { ApiError } from '../../errors/api-error.js';
import { emptyTimings, type Prediction } from '../../model/predictor.js';
import { round3, serverTiming, timingsJson, type PredictService } from '../../model/predict-service.js';
import { mediaType } from '../../validation/media-type.js';
import { parseJsonBytes } from '../../validation/parse-json.js';
import {
  checkWindowLength,
  parseFloat32Bytes,
  parseJsonWindow,
  parseSampleRateText,
  type RawWindow,
  type WindowSpec,
} from '../../validation/parse-window.js';

/** What `POST /predict` needs. */
export interface PredictDeps {
  readonly service: PredictService;
  readonly limits: ApiLimits;
  /** Handles `application/x-ndjson` uploads. */
  readonly predictStream: (c: Context<AppEnv>) => Promise<Response>;
}

function parseBatch(value: unknown, limits: ApiLimits, spec: WindowSpec): RawWindow[] {
  const windows = (value as { windows: unknown }).windows;
  if (!Array.isArray(windows)) throw new ApiError('BAD_REQUEST', 'windows must be an array of { samples, sampleRate }', 'windows');
  if (windows.length === 0) throw new ApiError('BAD_REQUEST', 'windows is empty', 'windows');
  if (windows.length > limits.maxBatchWindows) {
    throw new ApiError('BATCH_TOO_LARGE', `windows has ${windows.length} entries; at most ${limits.maxBatchWindows} per request`, 'windows', {
      limit: limits.maxBatchWindows,
    });
  }
  return windows.map((w, i) => parseJsonWindow(w, `windows[${i}]`, spec));
}

function isBatch(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'windows' in value;
}

/**
 * Creates the `POST /predict` handler.
 *
 * @example
 * app.post('/predict', predict({ service, limits, predictStream: predictNdjson(deps) }));
 */
export function predict(deps: PredictDeps) {
  const { service, limits } = deps;
  const spec = service.info;
  return async function predictHandler(c: Context<AppEnv>): Promise<Response> {
    const type = mediaType(c);
    if (type === 'application/x-ndjson') return deps.predictStream(c);
    const timings = emptyTimings();
    let windows: RawWindow[];
    let batch = false;
    if (type === 'application/json') {
      const bytes = await readBody(c, limits.maxBodyBytes);
      const t0 = performance.now();
      const value = parseJsonBytes(bytes, 'body');
      batch = isBatch(value);
      windows = batch ? parseBatch(value, limits, spec) : [parseJsonWindow(value, '', spec)];
      timings.parse = performance.now() - t0;
    } else if (type === 'application/octet-stream') {
      const sampleRate = parseSampleRateText(c.req.query('sampleRate'), 'query.sampleRate');
      const bytes = await readBody(c, limits.maxBodyBytes);
      const t0 = performance.now();
      const samples = parseFloat32Bytes(bytes, 'body');
      checkWindowLength(samples.length, sampleRate, spec, 'body');
      windows = [{ samples, sampleRate }];
      timings.parse = performance.now() - t0;
    } else {
      throw new ApiError(
        'UNSUPPORTED_MEDIA_TYPE',
        `Content-Type must be application/json, application/octet-stream or application/x-ndjson, got ${type === '' ? 'none' : type}`,
        'headers.content-type',
      );
    }
    const predictions = await service.predictRaw(windows, batch ? 'batch' : 'predict', timings);
    const latencyMs = round3(performance.now() - c.get('startedAt'));
    c.header('Server-Timing', serverTiming(timings));
    const model = service.modelRef;
    if (batch) return c.json({ predictions: predictions.map(toJson), model, latencyMs, timings: timingsJson(timings) });
    return c.json({ ...toJson(predictions[0] as Prediction), model, latencyMs, timings: timingsJson(timings) });
  };
}

function toJson(p: Prediction): Prediction {
  return { level: p.level, label: p.label, probabilities: p.probabilities };
}
