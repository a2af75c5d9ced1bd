/**
 * @module Validation of a KServe v2 / Open Inference Protocol infer request into windows: either
 * the model's own input tensor (already preprocessed) or raw GSR rows with a `sampleRate`.
 */
import type { ApiLimits } from '../../config/limits.js';
import { ApiError } from '../../errors/api-error.js';
import type { ModelInfo } from '../../model/predictor.js';
import { checkWindowLength, parseSampleArray, parseSampleRate, type RawWindow } from '../../validation/parse-window.js';

/** Name of the raw-signal input (rows of GSR at `parameters.sampleRate`). */
export const RAW_INPUT_NAME = 'gsr';

/** A validated infer request. */
export type InferInput =
  | { readonly kind: 'tensor'; readonly id: string | undefined; readonly windows: Float32Array[] }
  | { readonly kind: 'raw'; readonly id: string | undefined; readonly windows: RawWindow[] };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseShape(value: unknown, path: string): number[] {
  if (!Array.isArray(value) || value.length < 1 || value.length > 3) {
    throw new ApiError('BAD_REQUEST', `${path} must be an array of 1–3 positive integers`, path);
  }
  return value.map((d, i) => {
    if (typeof d !== 'number' || !Number.isSafeInteger(d) || d < 1) {
      throw new ApiError('BAD_REQUEST', `${path}[${i}] must be a positive integer`, `${path}[${i}]`);
    }
    return d;
  });
}

function rateFrom(input: Record<string, unknown>, request: Record<string, unknown>): unknown {
  const own = isRecord(input['parameters']) ? input['parameters']['sampleRate'] : undefined;
  if (own !== undefined) return own;
  return isRecord(request['parameters']) ? request['parameters']['sampleRate'] : undefined;
}

/**
 * Parses `{ id?, inputs: [{ name, shape, datatype: 'FP32', data }], parameters? }`.
 * `inputs[0].name` is the model input (shape `[B, L]` or `[B, L, 1]`, `L` = model window) or
 * `gsr` (shape `[B, n]` raw samples at `parameters.sampleRate`, each row a window).
 *
 * @example
 * parseInferRequest({ inputs: [{ name: 'gsr', shape: [1, 2816], datatype: 'FP32', data, parameters: { sampleRate: 512 } }] }, info, limits);
 */
export function parseInferRequest(value: unknown, info: ModelInfo, limits: ApiLimits): InferInput {
  if (!isRecord(value)) throw new ApiError('BAD_REQUEST', 'body must be an object { inputs: [...] }', 'body');
  const id = value['id'];
  if (id !== undefined && typeof id !== 'string') throw new ApiError('BAD_REQUEST', 'id must be a string', 'id');
  const inputs = value['inputs'];
  if (!Array.isArray(inputs) || inputs.length !== 1) {
    throw new ApiError('BAD_REQUEST', 'inputs must be an array with exactly one input', 'inputs');
  }
  const input: unknown = inputs[0];
  if (!isRecord(input)) throw new ApiError('BAD_REQUEST', 'inputs[0] must be an object', 'inputs[0]');
  const name = input['name'];
  if (name !== info.inputName && name !== RAW_INPUT_NAME) {
    throw new ApiError('BAD_REQUEST', `inputs[0].name must be "${info.inputName}" (model tensor) or "${RAW_INPUT_NAME}" (raw GSR)`, 'inputs[0].name');
  }
  if (input['datatype'] !== 'FP32') throw new ApiError('BAD_REQUEST', 'inputs[0].datatype must be "FP32"', 'inputs[0].datatype');
  const shape = parseShape(input['shape'], 'inputs[0].shape');
  const [batch, length] = [shape[0] as number, shape[1] ?? 1];
  if (batch > limits.maxBatchWindows) {
    throw new ApiError('BATCH_TOO_LARGE', `batch of ${batch}; at most ${limits.maxBatchWindows}`, 'inputs[0].shape[0]', { limit: limits.maxBatchWindows });
  }
  const total = shape.reduce((a, b) => a * b, 1);
  const idValue = id as string | undefined;
  if (name === info.inputName) {
    if (length !== info.windowSamples || (shape.length === 3 && shape[2] !== 1) || shape.length === 1) {
      throw new ApiError('BAD_REQUEST', `inputs[0].shape must be [B, ${info.windowSamples}] or [B, ${info.windowSamples}, 1]`, 'inputs[0].shape');
    }
    const data = parseSampleArray(input['data'], 'inputs[0].data', total);
    checkTotal(data.length, total);
    const windows: Float32Array[] = [];
    for (let b = 0; b < batch; b++) windows.push(data.slice(b * length, (b + 1) * length));
    return { kind: 'tensor', id: idValue, windows };
  }
  if (shape.length !== 2) throw new ApiError('BAD_REQUEST', 'inputs[0].shape must be [B, n] for raw GSR', 'inputs[0].shape');
  const sampleRate = parseSampleRate(rateFrom(input, value), 'inputs[0].parameters.sampleRate');
  checkWindowLength(length, sampleRate, info, 'inputs[0].shape[1]');
  const data = parseSampleArray(input['data'], 'inputs[0].data', total);
  checkTotal(data.length, total);
  const windows: RawWindow[] = [];
  for (let b = 0; b < batch; b++) windows.push({ samples: data.slice(b * length, (b + 1) * length), sampleRate });
  return { kind: 'raw', id: idValue, windows };
}

function checkTotal(actual: number, expected: number): void {
  if (actual !== expected) {
    throw new ApiError('BAD_REQUEST', `inputs[0].data has ${actual} values; shape says ${expected}`, 'inputs[0].data');
  }
}
