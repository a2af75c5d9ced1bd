/**
 * @module Open Inference Protocol (KServe v2): server metadata, liveness, readiness, model metadata
 * and readiness, and inference — on the plain and the `/versions/{version}` paths. Errors on these
 * routes are the protocol's `{ "error": "<message>" }` (the app's error edge does that for `/v2`).
 */
import type { Context } from 'hono';
import type { AppEnv } from '../../app/app-env.js';
import { readBody } from '../../body/read-body.js';
import type { ApiLimits } from '../../config/limits.js';
import { ApiError } from '../../errors/api-error.js';
import { emptyTimings } from '../../model/predictor.js';
import type { PredictService } from '../../model/predict-service.js';
import { mediaType } from '../../validation/media-type.js';
import { parseInferRequest } from './infer-request.js';
import { inferResponse, modelTensors, type InferRow } from './oip-tensors.js';

/** What the KServe routes need. */
export interface KserveDeps {
  readonly service: PredictService;
  readonly limits: ApiLimits;
  /** False while shutting down: readiness answers 503 so balancers drain the node. */
  readonly isReady: () => boolean;
  readonly serverVersion: string;
}

/** The conventional platform name of an ONNX model on ONNX Runtime (as Triton reports it). */
export const OIP_PLATFORM = 'onnxruntime_onnx';

function modelFor(c: Context<AppEnv>, service: PredictService): void {
  const name = c.req.param('name');
  if (name !== service.info.name) {
    throw new ApiError('MODEL_NOT_FOUND', `no model named ${name ?? ''}; this server serves ${service.info.name}`, { path: 'params.name' });
  }
  const version = c.req.param('version');
  if (version !== undefined && version !== service.info.version) {
    throw new ApiError('MODEL_NOT_FOUND', `model ${name} has no version ${version}; it has ${service.info.version}`, { path: 'params.version' });
  }
}

function headerLength(c: Context<AppEnv>): number | undefined {
  const text = c.req.header('inference-header-content-length');
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 0) throw new ApiError('BAD_REQUEST', `Inference-Header-Content-Length must be a byte count, got "${text}"`, { path: 'headers.inference-header-content-length' });
  return n;
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
      return c.json({ name: 'painkd-edge-api', version: deps.serverVersion, extensions: ['binary_tensor_data'] });
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
        platform: OIP_PLATFORM,
        ...modelTensors(info),
        parameters: { labels: info.labels, sampleRate: info.sampleRate, windowSeconds: info.windowSeconds, rawInputSampleRate: 'parameters.sampleRate, 1–1024 Hz', sha256: info.sha256, runtime: `onnxruntime-${info.runtime}` },
      });
    },
    infer: async function infer(c: Context<AppEnv>): Promise<Response> {
      modelFor(c, service);
      const length = headerLength(c);
      const type = mediaType(c);
      if (!(type === 'application/json' || type === '' || (length !== undefined && type === 'application/octet-stream'))) {
        throw new ApiError('UNSUPPORTED_MEDIA_TYPE', 'Content-Type must be application/json (or application/octet-stream with Inference-Header-Content-Length)', { path: 'headers.content-type' });
      }
      const timings = emptyTimings();
      const bytes = await readBody(c, limits.maxBodyBytes, limits.requestTimeoutMs);
      const t0 = performance.now();
      const request = parseInferRequest(bytes, length, info, limits);
      timings.parse = performance.now() - t0;
      let rows: InferRow[];
      if (request.kind === 'raw') {
        const results = await service.predictRaw(request.windows, 'kserve', timings, { onReject: 'throw', pathOf: (i) => `inputs[0].data[${i}]` });
        rows = results.map((r) => ({ prediction: r.prediction as NonNullable<typeof r.prediction>, quality: r.quality }));
      } else {
        rows = (await service.predictPreprocessed(request.windows, 'kserve', timings)).map((prediction) => ({ prediction, quality: undefined }));
      }
      const { json, binary } = inferResponse(info, rows, request.outputs, request.id);
      if (binary.length === 0) return c.json(json);
      const header = Buffer.from(JSON.stringify(json), 'utf8');
      return c.body(Buffer.concat([header, ...binary]), 200, { 'Content-Type': 'application/octet-stream', 'Inference-Header-Content-Length': String(header.byteLength) });
    },
  };
}
