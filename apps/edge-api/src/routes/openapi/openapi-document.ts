/**
 * @module The OpenAPI 3.1 description of every route, built from the served model's facts and
 * the configured limits so the numbers in it are the ones enforced.
 */
import type { ApiLimits } from '../../config/limits.js';
import type { ModelInfo } from '../../model/predictor.js';
import { SAMPLE_RATE_RANGE } from '../../validation/parse-window.js';

type Json = Readonly<Record<string, unknown>>;

const errorRef = { $ref: '#/components/schemas/Error' };

function errors(...statuses: number[]): Json {
  const descriptions: Record<number, string> = {
    400: 'Invalid input (malformed JSON, NaN/Infinity, non-numeric, empty, too short/long, bad rate).',
    401: 'Missing or wrong bearer token (when EDGE_API_TOKEN is set).',
    404: 'Unknown route, model or session.',
    409: 'seq gap, duplicate seq, or sample-rate change; `details.expectedSeq` says what to send next.',
    410: 'The session was closed after its idle TTL; start again with seq 0.',
    413: 'Body, batch or line too large.',
    415: 'Unsupported Content-Type.',
    429: 'A bound was reached (sessions, session buffer, subscribers, open streams).',
    503: 'Shutting down; on session routes with EDGE_REDIS_URL, also: the shared session store is unreachable (`SESSIONS_UNAVAILABLE`).',
  };
  const out: Record<string, unknown> = {};
  for (const s of statuses) out[String(s)] = { description: descriptions[s], content: { 'application/json': { schema: errorRef } } };
  return out;
}

function jsonBody(schema: Json, description?: string): Json {
  return { required: true, ...(description ? { description } : {}), content: { 'application/json': { schema } } };
}

function ok(description: string, schema: Json = { type: 'object' }, type = 'application/json'): Json {
  return { description, content: { [type]: { schema } } };
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
    `A window is ${info.windowSeconds} s of skin conductance at any rate ${SAMPLE_RATE_RANGE.min}–${SAMPLE_RATE_RANGE.max} Hz, ` +
    `resampled to the model's ${info.sampleRate} Hz. Its duration must be ${info.windowSeconds} ± ${info.toleranceSeconds} s (e.g. ${Math.ceil((info.windowSeconds - info.toleranceSeconds) * 512)}–${Math.floor((info.windowSeconds + info.toleranceSeconds) * 512)} samples at 512 Hz).`;
  const deviceParam = { name: 'deviceId', in: 'path', required: true, schema: { type: 'string', pattern: '^[A-Za-z0-9._:-]{1,128}$' } };
  const nameParam = { name: 'name', in: 'path', required: true, schema: { type: 'string', example: info.name } };
  const sampleRateQuery = { name: 'sampleRate', in: 'query', required: false, description: 'Hz; required for octet-stream and NDJSON bodies.', schema: { type: 'number', minimum: 1, maximum: 1024 } };
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
        Window: {
          type: 'object',
          required: ['samples', 'sampleRate'],
          properties: { samples: { type: 'array', items: { type: 'number' } }, sampleRate: { type: 'number', minimum: 1, maximum: 1024 } },
        },
        Prediction: {
          type: 'object',
          properties: {
            level: { type: 'integer', minimum: 0, maximum: info.labels.length - 1 },
            label: { type: 'string', enum: [...info.labels] },
            probabilities: { type: 'array', items: { type: 'number' }, minItems: info.labels.length, maxItems: info.labels.length },
          },
        },
        Chunk: {
          type: 'object',
          required: ['seq', 'samples'],
          properties: { seq: { type: 'integer', minimum: 0 }, samples: { type: 'array', items: { type: 'number' }, maxItems: limits.maxChunkSamples } },
        },
      },
    },
    security: [{}, { bearer: [] }],
    paths: {
      '/': { get: { summary: 'Service index', responses: { '200': ok('Name, model and links.') } } },
      '/predict': {
        post: {
          summary: 'Predict the pain level of one window, a batch, or an NDJSON stream',
          description:
            `${windowText} Bodies: JSON \`{ samples, sampleRate }\`; JSON \`{ windows: [...] }\` (at most ${limits.maxBatchWindows}); ` +
            'little-endian float32 bytes (`application/octet-stream`, `?sampleRate=`); or `application/x-ndjson` lines `{ seq, samples }` ' +
            '(`?sampleRate=`), answered by a streamed NDJSON response with one prediction per completed hop ' +
            `(every ${info.hopSeconds} s once a window is full) while the upload continues; a bad line ends it with an error line ` +
            `naming the line number. Bodies up to ${limits.maxBodyBytes} bytes; NDJSON lines up to ${limits.maxLineBytes} bytes.`,
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
              description: 'Prediction (or `{ predictions: [...] }` for a batch; NDJSON prediction lines for a stream). Server-Timing gives parse/resample/filter/inference ms.',
              content: {
                'application/json': { schema: { allOf: [{ $ref: '#/components/schemas/Prediction' }, { type: 'object', properties: { model: { type: 'object' }, latencyMs: { type: 'number' }, timings: { type: 'object' } } }] } },
                'application/x-ndjson': { schema: { type: 'object' } },
              },
            },
            ...errors(400, 401, 413, 415, 429),
          },
        },
      },
      '/v1/streams/{deviceId}/samples': {
        post: {
          summary: "Append a chunk to a device's streaming session",
          description:
            `\`{ seq, sampleRate, samples }\`; a new session starts at seq 0; each completed hop yields a prediction, returned here and pushed to SSE subscribers. ` +
            `Bounds: ${limits.maxSessions} sessions, ${limits.sessionIdleMs} ms idle TTL, ${limits.maxSessionBufferSamples} samples held, ${limits.maxChunkSamples} per chunk.`,
          parameters: [deviceParam],
          requestBody: jsonBody({ allOf: [{ $ref: '#/components/schemas/Chunk' }, { type: 'object', required: ['sampleRate'], properties: { sampleRate: { type: 'number' } } }] }),
          responses: { '200': ok('The predictions this chunk completed, `nextSeq` and `bufferedSamples`.'), ...errors(400, 401, 409, 410, 413, 415, 429, 503) },
        },
      },
      '/v1/streams/{deviceId}/events': {
        get: {
          summary: "Server-sent events of a device's predictions",
          description: `Events: \`ready\`, \`prediction\` (id = window number), \`end\` (deleted or shutdown), \`expired\` (idle TTL), \`error\` (the subscriber fell too far behind and is dropped). At most ${limits.maxSubscribersPerSession} subscribers per device.`,
          parameters: [deviceParam],
          responses: { '200': ok('An event stream.', { type: 'string' }, 'text/event-stream'), ...errors(400, 401, 429, 503) },
        },
      },
      '/v1/streams/{deviceId}': {
        delete: { summary: 'End a streaming session', parameters: [deviceParam], responses: { '204': { description: 'Ended.' }, ...errors(400, 401, 404, 503) } },
      },
      '/v2': { get: { summary: 'KServe v2 server metadata', responses: { '200': ok('Server name, version, extensions.') } } },
      '/v2/health/live': { get: { summary: 'KServe v2 liveness', security: [{}], responses: { '200': ok('`{ live: true }`') } } },
      '/v2/health/ready': { get: { summary: 'KServe v2 readiness', security: [{}], responses: { '200': ok('`{ ready: true }`'), ...errors(503) } } },
      '/v2/models/{name}': { get: { summary: 'KServe v2 model metadata', parameters: [nameParam], responses: { '200': ok('Inputs, outputs, labels.'), ...errors(401, 404) } } },
      '/v2/models/{name}/ready': { get: { summary: 'KServe v2 model readiness', parameters: [nameParam], responses: { '200': ok('`{ name, ready }`'), ...errors(401, 404, 503) } } },
      '/v2/models/{name}/infer': {
        post: {
          summary: 'KServe v2 inference',
          description:
            `One input: \`${info.inputName}\` (preprocessed, shape [B, ${info.windowSamples}] or [B, ${info.windowSamples}, 1]) or \`gsr\` (raw, shape [B, n], ` +
            '`parameters.sampleRate` on the input or the request). Outputs `probabilities` [B, classes] and `level` [B].',
          parameters: [nameParam],
          requestBody: jsonBody({ type: 'object', required: ['inputs'], properties: { id: { type: 'string' }, inputs: { type: 'array', minItems: 1, maxItems: 1 }, parameters: { type: 'object' } } }),
          responses: { '200': ok('Outputs.'), ...errors(400, 401, 404, 413, 415) },
        },
      },
      '/metrics': { get: { summary: 'Prometheus metrics', responses: { '200': ok('Text exposition 0.0.4.', { type: 'string' }, 'text/plain') } } },
      '/openapi.json': { get: { summary: 'This document', responses: { '200': ok('OpenAPI 3.1.') } } },
      '/docs': { get: { summary: 'Human-readable API docs', responses: { '200': ok('HTML.', { type: 'string' }, 'text/html') } } },
    },
  };
}
