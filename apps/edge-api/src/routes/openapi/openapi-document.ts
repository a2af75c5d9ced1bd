/**
 * @module The OpenAPI 3.1 description of every route, built from the served model's facts and
 * the configured limits so the numbers in it are the ones enforced.
 */
import type { ApiLimits } from '../../config/limits.js';
import type { ModelInfo } from '../../model/predictor.js';
import { QUALITY_FLAGS } from '@painkd/signals';
import { DEVICE_ID_PATTERN } from '../../sessions/session-store.js';
import { SAMPLE_RATE_RANGE } from '../../validation/parse-window.js';

type Json = Readonly<Record<string, unknown>>;

const errorRef = { $ref: '#/components/schemas/Error' };

function errors(...statuses: number[]): Json {
  const descriptions: Record<number, string> = {
    400: 'Invalid input (malformed JSON, Infinity, non-numeric, empty, too short, bad rate).',
    401: 'Missing or wrong bearer token (when EDGE_API_TOKEN is set), or a bad/expired stream token.',
    404: 'Unknown route, model, version or session.',
    405: 'The path exists with other methods (see `Allow`).',
    408: 'The request body did not arrive within the request timeout.',
    409: 'seq gap, duplicate seq, or sample-rate change; `details.expectedSeq` says what to send next.',
    410: 'The session was closed after its idle TTL; start again with seq 0.',
    413: 'Body, batch, chunk, line or number of windows too large.',
    415: 'Unsupported Content-Type.',
    422: 'A window failed a signal-quality check and the server rejects flagged windows, or it has more missing samples than preprocessing can fill.',
    429: 'A bound was reached (sessions, session buffer, subscribers, open streams).',
    431: 'Request line and headers over 16 KiB.',
    503: 'Shutting down; on session routes with EDGE_REDIS_URL, also: the shared session store is unreachable (`SESSIONS_UNAVAILABLE`).',
  };
  const out: Record<string, unknown> = {};
  for (const s of statuses) out[String(s)] = { description: descriptions[s], content: { 'application/json': { schema: errorRef } } };
  return out;
}

/** Open Inference Protocol errors are `{ "error": "<message>" }`. */
function oipErrors(...statuses: number[]): Json {
  const out: Record<string, unknown> = {};
  for (const s of statuses) out[String(s)] = { description: `Error ${s}.`, content: { 'application/json': { schema: { $ref: '#/components/schemas/OipError' } } } };
  return out;
}

function jsonBody(schema: Json, description?: string): Json {
  return { required: true, ...(description ? { description } : {}), content: { 'application/json': { schema } } };
}

function ok(description: string, schema: Json = { type: 'object' }, type = 'application/json'): Json {
  return { description, content: { [type]: { schema } } };
}

/** The model paths of the Open Inference Protocol, plain and under `/versions/{version}`. */
function oipModelPaths(info: ModelInfo, nameParam: Json): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  const versionParam = { name: 'version', in: 'path', required: true, schema: { type: 'string', example: info.version } };
  for (const [base, params] of [['/v2/models/{name}', [nameParam]], ['/v2/models/{name}/versions/{version}', [nameParam, versionParam]]] as const) {
    out[base] = { get: { summary: 'Open Inference Protocol model metadata', parameters: params, responses: { '200': ok('name, versions, platform, inputs, outputs.'), ...oipErrors(401, 404) } } };
    out[`${base}/ready`] = { get: { summary: 'Open Inference Protocol model readiness', parameters: params, responses: { '200': ok('`{ name, ready }`'), ...oipErrors(401, 404, 503) } } };
    out[`${base}/infer`] = {
      post: {
        summary: 'Open Inference Protocol inference',
        description:
          `One input: \`${info.inputName}\` (preprocessed, shape [B, ${info.windowSamples}] or [B, ${info.windowSamples}, 1]) or \`gsr\` (raw, shape [B, n], ` +
          '`parameters.sampleRate` on the input or the request), data flat or nested, or binary (`Inference-Header-Content-Length`). ' +
          'Outputs `probabilities` FP32 [B, classes], `level` INT64 [B], and for `gsr` `quality_ok` BOOL [B] and `quality_flags` BYTES [B]; ' +
          '`outputs` selects them (unknown names: 400), `binary_data_output` / `outputs[].parameters.binary_data` returns them as binary.',
        parameters: params,
        requestBody: jsonBody({ type: 'object', required: ['inputs'], properties: { id: { type: 'string' }, inputs: { type: 'array', minItems: 1, maxItems: 1 }, outputs: { type: 'array' }, parameters: { type: 'object' } } }),
        responses: { '200': ok('Outputs.'), ...oipErrors(400, 401, 404, 408, 413, 415, 422) },
      },
    };
  }
  return out;
}

/**
 * Builds the OpenAPI document served at `/openapi.json`.
 *
 * @example
 * const doc = openApiDocument(predictor.info, DEFAULT_LIMITS, '0.1.0');
 * Object.keys(doc.paths); // ['/predict', '/v1/streams/{deviceId}/samples', …]
 */
export function openApiDocument(info: ModelInfo, limits: ApiLimits, version: string): { openapi: string; paths: Record<string, Record<string, unknown>> } & Json {
  const windowText =
    `A recording is skin conductance (µS) at any rate ${SAMPLE_RATE_RANGE.min}–${SAMPLE_RATE_RANGE.max} Hz, at least one model window long ` +
    `(${info.windowSeconds} − ${info.toleranceSeconds} s). Up to ${info.windowSeconds} + ${info.toleranceSeconds} s it is one window; a longer one is cut into ` +
    `${info.windowSeconds}-s windows every ${info.hopSeconds} s (at most ${limits.maxWindowsPerRequest} per request). Each window is resampled to the model's ${info.sampleRate} Hz ` +
    `and carries \`quality: { ok, flags }\` (${QUALITY_FLAGS.join(', ')}); \`null\` is a missing sample.`;
  const sampleRateSchema = { type: 'number', minimum: SAMPLE_RATE_RANGE.min, maximum: SAMPLE_RATE_RANGE.max };
  const deviceParam = { name: 'deviceId', in: 'path', required: true, schema: { type: 'string', pattern: DEVICE_ID_PATTERN.source } };
  const nameParam = { name: 'name', in: 'path', required: true, schema: { type: 'string', example: info.name } };
  const sampleRateQuery = { name: 'sampleRate', in: 'query', required: false, description: 'Hz; required for octet-stream and NDJSON bodies.', schema: sampleRateSchema };
  return {
    openapi: '3.1.0',
    info: {
      title: 'painkd edge API',
      version,
      description: `Pain level from wearable skin conductance (GSR). Model ${info.name} ${info.version} (sha256 ${info.sha256}). ${windowText}`,
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'Only when the server sets EDGE_API_TOKEN.' } },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message', 'path'],
              properties: { code: { type: 'string' }, message: { type: 'string' }, path: { type: 'string' }, details: { type: 'object' } },
            },
          },
        },
        OipError: { type: 'object', required: ['error'], properties: { error: { type: 'string' } } },
        Window: {
          type: 'object',
          required: ['samples', 'sampleRate'],
          properties: { samples: { type: 'array', items: { type: ['number', 'null'] } }, sampleRate: sampleRateSchema },
        },
        Quality: {
          type: 'object',
          required: ['ok', 'flags'],
          properties: { ok: { type: 'boolean' }, flags: { type: 'array', items: { type: 'string', enum: [...QUALITY_FLAGS] } } },
        },
        Prediction: {
          type: 'object',
          description: 'The aggregate over the windows (mean probabilities, their most probable level, and the highest level any window reached), and every window.',
          properties: {
            level: { type: 'integer', minimum: 0, maximum: info.labels.length - 1 },
            label: { type: 'string', enum: [...info.labels] },
            probabilities: { type: 'array', items: { type: 'number' }, minItems: info.labels.length, maxItems: info.labels.length },
            maxLevel: { type: 'integer' },
            maxLabel: { type: 'string' },
            quality: { $ref: '#/components/schemas/Quality' },
            windows: { type: 'array', items: { type: 'object', properties: { startSeconds: { type: 'number' }, endSeconds: { type: 'number' }, level: { type: 'integer' }, probabilities: { type: 'array' }, quality: { $ref: '#/components/schemas/Quality' }, rejected: { type: 'boolean' } } } },
          },
        },
        Chunk: {
          type: 'object',
          required: ['seq', 'samples'],
          properties: { seq: { type: 'integer', minimum: 0 }, samples: { type: 'array', items: { type: ['number', 'null'] }, maxItems: limits.maxChunkSamples } },
        },
      },
    },
    security: [{}, { bearer: [] }],
    paths: {
      '/': { get: { summary: 'Service index', responses: { '200': ok('Name, model and links.') } } },
      '/predict': {
        post: {
          summary: 'Predict the pain level of a recording, a batch, or an NDJSON stream',
          description:
            `${windowText} Bodies: JSON \`{ samples, sampleRate }\`; JSON \`{ windows: [...] }\` (at most ${limits.maxBatchWindows} recordings); ` +
            'little-endian float32 bytes (`application/octet-stream`, `?sampleRate=`; NaN = missing); or `application/x-ndjson` lines `{ seq, samples }` ' +
            '(`?sampleRate=`), answered by a streamed NDJSON response with one line per completed hop ' +
            `(every ${info.hopSeconds} s once a window is full) while the upload continues, for as long as it lasts; no complete line for ${limits.streamIdleMs} ms, ` +
            'a bad line or a shutdown ends it with an `error` line; every stream ends with a `done` line. ' +
            `Bodies up to ${limits.maxBodyBytes} bytes arriving within ${limits.requestTimeoutMs} ms; NDJSON lines up to ${limits.maxLineBytes} bytes.`,
          parameters: [sampleRateQuery],
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: { oneOf: [{ $ref: '#/components/schemas/Window' }, { type: 'object', required: ['windows'], properties: { windows: { type: 'array', maxItems: limits.maxBatchWindows, items: { $ref: '#/components/schemas/Window' } } } }] },
              },
              'application/octet-stream': { schema: { type: 'string', format: 'binary' } },
              'application/x-ndjson': { schema: { $ref: '#/components/schemas/Chunk' } },
            },
          },
          responses: {
            '200': {
              description: 'Prediction (or `{ predictions: [...] }` for a batch; NDJSON window lines then `done` for a stream). Server-Timing gives parse/resample/filter/inference ms.',
              content: {
                'application/json': { schema: { allOf: [{ $ref: '#/components/schemas/Prediction' }, { type: 'object', properties: { model: { type: 'object' }, latencyMs: { type: 'number' }, timings: { type: 'object' } } }] } },
                'application/x-ndjson': { schema: { type: 'object' } },
              },
            },
            ...errors(400, 401, 408, 413, 415, 422, 429),
          },
        },
      },
      '/v1/streams/{deviceId}/samples': {
        post: {
          summary: "Append a chunk to a device's streaming session",
          description:
            `\`{ seq, sampleRate, samples }\`; a new session starts at seq 0; each completed hop yields a window (prediction with its quality, or \`rejected\`), returned here and pushed to SSE subscribers in window order. ` +
            `Bounds: ${limits.maxSessions} sessions, ${limits.sessionIdleMs} ms idle TTL, ${limits.maxSessionBufferSamples} samples held, ${limits.maxChunkSamples} samples and ${limits.maxWindowsPerRequest} windows per chunk.`,
          parameters: [deviceParam],
          requestBody: jsonBody({ allOf: [{ $ref: '#/components/schemas/Chunk' }, { type: 'object', required: ['sampleRate'], properties: { sampleRate: { type: 'number' } } }] }),
          responses: { '200': ok('The windows this chunk completed, `nextSeq` and `bufferedSamples`.'), ...errors(400, 401, 408, 409, 410, 413, 415, 429, 503) },
        },
      },
      '/v1/streams/{deviceId}/events': {
        get: {
          summary: "Server-sent events of a device's predictions",
          description:
            'Events: `ready`, `prediction` (id = window number), `rejected` (a flagged window not predicted), `end` (deleted or shutdown), `expired` (idle TTL), `error` (the subscriber fell too far behind and is dropped). ' +
            `In window order, even for chunks posted concurrently. At most ${limits.maxSubscribersPerSession} subscribers per device. A browser's EventSource cannot send Authorization: pass \`?access_token=\` from POST /v1/streams/{deviceId}/token (never the API token).`,
          parameters: [deviceParam, { name: 'access_token', in: 'query', required: false, description: 'A stream token for this device (instead of the Authorization header).', schema: { type: 'string' } }],
          responses: { '200': ok('An event stream.', { type: 'string' }, 'text/event-stream'), ...errors(400, 401, 429, 503) },
        },
      },
      '/v1/streams/{deviceId}/token': {
        post: {
          summary: "A short-lived token for a device's event stream",
          description: 'Needs the API token. Answers `{ token, deviceId, scope, expiresAt, expiresInSeconds, eventsUrl }`; the token opens only this device\'s `/events`, until it expires.',
          parameters: [deviceParam],
          responses: { '200': ok('The token.'), ...errors(400, 401) },
        },
      },
      '/v1/streams/{deviceId}': {
        delete: { summary: 'End a streaming session', parameters: [deviceParam], responses: { '204': { description: 'Ended.' }, ...errors(400, 401, 404, 503) } },
      },
      '/v2': { get: { summary: 'Open Inference Protocol server metadata', responses: { '200': ok('Server name, version, extensions.') } } },
      '/v2/health/live': { get: { summary: 'Open Inference Protocol liveness', security: [{}], responses: { '200': ok('`{ live: true }`') } } },
      '/v2/health/ready': { get: { summary: 'Open Inference Protocol readiness', security: [{}], responses: { '200': ok('`{ ready: true }`'), ...oipErrors(503) } } },
      ...oipModelPaths(info, nameParam),
      '/metrics': { get: { summary: 'Prometheus metrics (API token, its own token, public, or only on EDGE_METRICS_PORT)', responses: { '200': ok('Text exposition 0.0.4.', { type: 'string' }, 'text/plain') } } },
      '/openapi.json': { get: { summary: 'This document', responses: { '200': ok('OpenAPI 3.1.') } } },
      '/docs': { get: { summary: 'Human-readable API docs', responses: { '200': ok('HTML.', { type: 'string' }, 'text/html') } } },
    },
  };
}
