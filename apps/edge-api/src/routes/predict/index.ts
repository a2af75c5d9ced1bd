/**
 * @module `POST /predict`: a recording of any length at least one model window long (JSON or
 * little-endian float32 bytes), a batch `{ windows: [...] }` of such recordings, or an NDJSON
 * upload answered as a stream of predictions. A recording longer than the model window is cut into
 * windows every hop; the answer gives every window's prediction with its start time and the
 * recording's aggregate, and each carries its signal-quality verdict.
 */
import type { Context } from 'hono';
import type { AppEnv } from '../../app/app-env.js';
import { readBody } from '../../body/read-body.js';
import type { ApiLimits } from '../../config/limits.js';
import { ApiError } from '../../errors/api-error.js';
import { aggregateJson, windowJson, type AggregateJson, type WindowJson } from '../../model/prediction-json.js';
import { round3, serverTiming, timingsJson, type PredictService, type WindowResult } from '../../model/predict-service.js';
import { emptyTimings } from '../../model/predictor.js';
import { cutRecording, type RecordingWindow } from '../../streaming/cut-recording.js';
import { mediaType } from '../../validation/media-type.js';
import { parseJsonBytes } from '../../validation/parse-json.js';
import { parseFloat32Bytes, parseJsonRecording, parseSampleRateText } from '../../validation/parse-window.js';

/** What `POST /predict` needs. */
export interface PredictDeps {
  readonly service: PredictService;
  readonly limits: ApiLimits;
  /** Handles `application/x-ndjson` uploads. */
  readonly predictStream: (c: Context<AppEnv>) => Promise<Response>;
}

/** One recording's answer: the aggregate, and every window with where it lies in the recording. */
export type RecordingJson = AggregateJson & { readonly windows: readonly (WindowJson & { readonly startSeconds: number; readonly endSeconds: number })[] };

/** A recording cut into windows, and the request path of the recording. */
interface Recording {
  readonly path: string;
  readonly windows: readonly RecordingWindow[];
}

function parseBatch(value: unknown, deps: PredictDeps): Recording[] {
  const { limits, service } = deps;
  const entries = (value as { windows: unknown }).windows;
  if (!Array.isArray(entries)) throw new ApiError('BAD_REQUEST', 'windows must be an array of { samples, sampleRate }', { path: 'windows' });
  if (entries.length === 0) throw new ApiError('BAD_REQUEST', 'windows is empty', { path: 'windows' });
  if (entries.length > limits.maxBatchWindows) {
    throw new ApiError('BATCH_TOO_LARGE', `windows has ${entries.length} entries; at most ${limits.maxBatchWindows} per request`, {
      path: 'windows',
      details: { limit: limits.maxBatchWindows },
    });
  }
  let budget = limits.maxWindowsPerRequest;
  return entries.map((entry, i) => {
    const path = `windows[${i}]`;
    const raw = parseJsonRecording(entry, path);
    const windows = cutRecording(raw.samples, raw.sampleRate, service.info, budget, `${path}.samples`);
    budget -= windows.length;
    return { path, windows };
  });
}

function isBatch(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'windows' in value;
}

function recordingJson(windows: readonly RecordingWindow[], results: readonly WindowResult[], labels: readonly string[]): RecordingJson {
  return {
    ...aggregateJson(results, labels),
    windows: results.map((r, i) => ({ startSeconds: round3(windows[i]?.startSeconds ?? 0), endSeconds: round3(windows[i]?.endSeconds ?? 0), ...windowJson(r) })),
  };
}

/**
 * Creates the `POST /predict` handler.
 *
 * @example
 * app.post('/predict', predict({ service, limits, predictStream: predictNdjson(deps) }));
 */
export function predict(deps: PredictDeps) {
  const { service, limits } = deps;
  return async function predictHandler(c: Context<AppEnv>): Promise<Response> {
    const type = mediaType(c);
    if (type === 'application/x-ndjson') return deps.predictStream(c);
    const timings = emptyTimings();
    let recordings: Recording[];
    let batch = false;
    if (type === 'application/json') {
      const bytes = await readBody(c, limits.maxBodyBytes, limits.requestTimeoutMs);
      const t0 = performance.now();
      const value = parseJsonBytes(bytes, 'body');
      batch = isBatch(value);
      if (batch) recordings = parseBatch(value, deps);
      else {
        const raw = parseJsonRecording(value, '');
        recordings = [{ path: '', windows: cutRecording(raw.samples, raw.sampleRate, service.info, limits.maxWindowsPerRequest, 'samples') }];
      }
      timings.parse = performance.now() - t0;
    } else if (type === 'application/octet-stream') {
      const sampleRate = parseSampleRateText(c.req.query('sampleRate'), 'query.sampleRate');
      const bytes = await readBody(c, limits.maxBodyBytes, limits.requestTimeoutMs);
      const t0 = performance.now();
      const samples = parseFloat32Bytes(bytes, 'body');
      recordings = [{ path: '', windows: cutRecording(samples, sampleRate, service.info, limits.maxWindowsPerRequest, 'body') }];
      timings.parse = performance.now() - t0;
    } else {
      throw new ApiError(
        'UNSUPPORTED_MEDIA_TYPE',
        `Content-Type must be application/json, application/octet-stream or application/x-ndjson, got ${type === '' ? 'none' : type}`,
        { path: 'headers.content-type' },
      );
    }
    const all = recordings.flatMap((r) => r.windows);
    const owners = recordings.flatMap((r) => r.windows.map((_, i) => (r.windows.length === 1 ? r.path : `${r.path === '' ? '' : `${r.path}.`}window ${i}`)));
    const results = await service.predictRaw(all, batch ? 'batch' : 'predict', timings, { onReject: 'throw', pathOf: (i) => owners[i] || 'samples' });
    const answers: RecordingJson[] = [];
    let offset = 0;
    for (const r of recordings) {
      answers.push(recordingJson(r.windows, results.slice(offset, offset + r.windows.length), service.info.labels));
      offset += r.windows.length;
    }
    const latencyMs = round3(performance.now() - c.get('startedAt'));
    c.header('Server-Timing', serverTiming(timings));
    const model = service.modelRef;
    if (batch) return c.json({ predictions: answers, model, latencyMs, timings: timingsJson(timings) });
    return c.json({ ...answers[0], model, latencyMs, timings: timingsJson(timings) });
  };
}
