/**
 * @module KServe v2 / Open Inference Protocol: server and model metadata, liveness, readiness and
 * `POST /v2/models/{name}/infer`.
 */
import type { Context } from 'hono';
import type { AppEnv } from '../../app/app-env.js';
import { readBody } from '../../body/read-body.js';
import type { ApiLimits } from '../../config/limits.js';
import { ApiError } from '../../errors/api-error.js';
import { emptyTimings } from '../../model/predictor.js';
import type { PredictService } from '../../model/predict-service.js';
import { mediaType } from '../../validation/media-type.js';
import { parseJsonBytes } from '../../validation/parse-json.js';
import { parseInferRequest, RAW_INPUT_NAME } from './infer-request.js';

/** What the KServe routes need. */
export interface KserveDeps {
  readonly service: PredictService;
  readonly limits: ApiLimits;
  /** False while shutting down: readiness answers 503 so balancers drain the node. */
  readonly isReady: () => boolean;
  readonly serverVersion: string;
}

function modelFor(c: Context<AppEnv>, service: PredictService): void {
  const name = c.req.param('name');
  if (name !== service.info.name) {
    throw new ApiError('MODEL_NOT_FOUND', `no model named ${name ?? ''}; this server serves ${service.info.name}`, 'params.name');
  }
}

/**
 * Creates the KServe v2 handlers.
 *
 * @example
 * const k = kserve(deps); app.get('/v2/health/live', k.live);
 */
export function kserve(deps: KserveDeps) {
  const { service, limits } = deps;
  const info = service.info;
  return {
    serverMetadata: async function serverMetadata(c: Context<AppEnv>): Promise<Response> {
      return c.json({ name: 'painkd-edge-api', version: deps.serverVersion, extensions: [] });
    },
    live: async function live(c: Context<AppEnv>): Promise<Response> {
      return c.json({ live: true });
    },
    ready: async function ready(c: Context<AppEnv>): Promise<Response> {
      return c.json({ ready: deps.isReady() }, deps.isReady() ? 200 : 503);
    },
    modelReady: async function modelReady(c: Context<AppEnv>): Promise<Response> {
      modelFor(c, service);
      return c.json({ name: info.name, ready: deps.isReady() }, deps.isReady() ? 200 : 503);
    },
    modelMetadata: async function modelMetadata(c: Context<AppEnv>): Promise<Response> {
      modelFor(c, service);
      return c.json({
        name: info.name,
        versions: [info.version],
        platform: `onnxruntime-${info.runtime}`,
        inputs: [
          { name: info.inputName, datatype: 'FP32', shape: [-1, info.windowSamples, 1] },
          { name: RAW_INPUT_NAME, datatype: 'FP32', shape: [-1, -1], parameters: { sampleRate: 'required, 1–1024 Hz' } },
        ],
        outputs: [
          { name: 'probabilities', datatype: 'FP32', shape: [-1, info.labels.length] },
          { name: 'level', datatype: 'INT64', shape: [-1] },
        ],
        parameters: {
          labels: info.labels,
          sampleRate: info.sampleRate,
          windowSeconds: info.windowSeconds,
          sha256: info.sha256,
        },
      });
    },
    infer: async function infer(c: Context<AppEnv>): Promise<Response> {
      modelFor(c, service);
      if (mediaType(c) !== 'application/json') {
        throw new ApiError('UNSUPPORTED_MEDIA_TYPE', 'Content-Type must be application/json', 'headers.content-type');
      }
      const timings = emptyTimings();
      const bytes = await readBody(c, limits.maxBodyBytes);
      const t0 = performance.now();
      const request = parseInferRequest(parseJsonBytes(bytes, 'body'), info, limits);
      timings.parse = performance.now() - t0;
      const predictions =
        request.kind === 'raw'
          ? await service.predictRaw(request.windows, 'kserve', timings)
          : await service.predictPreprocessed(request.windows, 'kserve', timings);
      const probabilities = predictions.flatMap((p) => p.probabilities);
      return c.json({
        model_name: info.name,
        model_version: info.version,
        ...(request.id !== undefined ? { id: request.id } : {}),
        outputs: [
          { name: 'probabilities', datatype: 'FP32', shape: [predictions.length, info.labels.length], data: probabilities },
          { name: 'level', datatype: 'INT64', shape: [predictions.length], data: predictions.map((p) => p.level) },
        ],
      });
    },
  };
}
