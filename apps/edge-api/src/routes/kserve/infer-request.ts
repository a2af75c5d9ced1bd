/**
 * @module Validation of an Open Inference Protocol (KServe v2) infer request: `{ id?, parameters?,
 * inputs: [one input], outputs? }` with JSON data (flat or nested) or the binary tensor extension
 * (`Inference-Header-Content-Length`). The input is the model's own tensor (already preprocessed)
 * or raw GSR rows with a `sampleRate`; `outputs` names what to answer, optionally as binary.
 */
import type { ApiLimits } from '../../config/limits.js';
import { ApiError } from '../../errors/api-error.js';
import type { ModelInfo } from '../../model/predictor.js';
import { parseJsonBytes } from '../../validation/parse-json.js';
import { checkWindowLength, parseSampleRate, type RawWindow } from '../../validation/parse-window.js';
import { OUTPUT_NAMES, RAW_INPUT_NAME, type OutputName } from './oip-tensors.js';
import { binaryTensorData, jsonTensorData } from './tensor-data.js';

/** One requested output and whether to send it as binary. */
export interface RequestedOutput {
  readonly name: OutputName;
  readonly binary: boolean;
}

/** A validated infer request. */
export type InferInput = (
  | { readonly kind: 'tensor'; readonly windows: Float32Array[] }
  | { readonly kind: 'raw'; readonly windows: RawWindow[] }
) & {
  readonly id: string | undefined;
  /** Outputs to answer, in the order requested (every output when none was named). */
  readonly outputs: readonly RequestedOutput[];
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseShape(value: unknown, path: string): number[] {
  if (!Array.isArray(value) || value.length < 1 || value.length > 3) {
    throw new ApiError('BAD_REQUEST', `${path} must be an array of 1–3 positive integers`, { path });
  }
  return value.map((d, i) => {
    if (typeof d !== 'number' || !Number.isSafeInteger(d) || d < 1) {
      throw new ApiError('BAD_REQUEST', `${path}[${i}] must be a positive integer`, { path: `${path}[${i}]` });
    }
    return d;
  });
}

function parameter(record: Record<string, unknown>, key: string): unknown {
  return isRecord(record['parameters']) ? record['parameters'][key] : undefined;
}

function parseOutputs(value: Record<string, unknown>, kind: 'tensor' | 'raw'): RequestedOutput[] {
  const binaryAll = parameter(value, 'binary_data_output') === true;
  const available = kind === 'raw' ? OUTPUT_NAMES : OUTPUT_NAMES.filter((n) => n === 'probabilities' || n === 'level');
  const requested = value['outputs'];
  if (requested === undefined) return available.map((name) => ({ name, binary: binaryAll }));
  if (!Array.isArray(requested) || requested.length === 0) throw new ApiError('BAD_REQUEST', 'outputs must be a non-empty array of { name }', { path: 'outputs' });
  return requested.map((o: unknown, i) => {
    const path = `outputs[${i}]`;
    if (!isRecord(o) || typeof o['name'] !== 'string') throw new ApiError('BAD_REQUEST', `${path} must be an object { name }`, { path });
    const name = o['name'];
    if (!(available as readonly string[]).includes(name)) {
      const why = (OUTPUT_NAMES as readonly string[]).includes(name) ? ` (${name} needs the raw "${RAW_INPUT_NAME}" input)` : '';
      throw new ApiError('BAD_REQUEST', `${path}.name "${name}" is not an output of this model${why}; outputs: ${available.join(', ')}`, { path: `${path}.name` });
    }
    const own = parameter(o, 'binary_data');
    return { name: name as OutputName, binary: typeof own === 'boolean' ? own : binaryAll };
  });
}

/**
 * Parses an infer request body. With `headerLength` (the `Inference-Header-Content-Length`
 * header) the body is that many bytes of JSON followed by binary tensor data.
 *
 * @example
 * parseInferRequest(body, undefined, info, limits); // { kind: 'raw', windows, outputs, id }
 */
export function parseInferRequest(body: Uint8Array, headerLength: number | undefined, info: ModelInfo, limits: ApiLimits): InferInput {
  if (headerLength !== undefined && headerLength > body.byteLength) {
    throw new ApiError('BAD_REQUEST', `Inference-Header-Content-Length is ${headerLength} but the body has ${body.byteLength} bytes`, { path: 'headers.inference-header-content-length' });
  }
  const value = parseJsonBytes(headerLength === undefined ? body : body.subarray(0, headerLength), 'body');
  const binary = headerLength === undefined ? undefined : body.subarray(headerLength);
  if (!isRecord(value)) throw new ApiError('BAD_REQUEST', 'body must be an object { inputs: [...] }', { path: 'body' });
  const id = value['id'];
  if (id !== undefined && typeof id !== 'string') throw new ApiError('BAD_REQUEST', 'id must be a string', { path: 'id' });
  const inputs = value['inputs'];
  if (!Array.isArray(inputs) || inputs.length !== 1) {
    throw new ApiError('BAD_REQUEST', 'inputs must be an array with exactly one input', { path: 'inputs' });
  }
  const input: unknown = inputs[0];
  if (!isRecord(input)) throw new ApiError('BAD_REQUEST', 'inputs[0] must be an object', { path: 'inputs[0]' });
  const name = input['name'];
  if (name !== info.inputName && name !== RAW_INPUT_NAME) {
    throw new ApiError('BAD_REQUEST', `inputs[0].name must be "${info.inputName}" (model tensor) or "${RAW_INPUT_NAME}" (raw GSR)`, { path: 'inputs[0].name' });
  }
  if (input['datatype'] !== 'FP32') throw new ApiError('BAD_REQUEST', 'inputs[0].datatype must be "FP32"', { path: 'inputs[0].datatype' });
  const shape = parseShape(input['shape'], 'inputs[0].shape');
  const [batch, length] = [shape[0] as number, shape[1] ?? 1];
  if (batch > limits.maxBatchWindows) {
    throw new ApiError('BATCH_TOO_LARGE', `batch of ${batch}; at most ${limits.maxBatchWindows}`, { path: 'inputs[0].shape[0]', details: { limit: limits.maxBatchWindows } });
  }
  const kind = name === info.inputName ? 'tensor' : 'raw';
  let sampleRate = 0;
  if (kind === 'tensor') {
    if (length !== info.windowSamples || (shape.length === 3 && shape[2] !== 1) || shape.length === 1) {
      throw new ApiError('BAD_REQUEST', `inputs[0].shape must be [B, ${info.windowSamples}] or [B, ${info.windowSamples}, 1]`, { path: 'inputs[0].shape' });
    }
  } else {
    if (shape.length !== 2) throw new ApiError('BAD_REQUEST', 'inputs[0].shape must be [B, n] for raw GSR', { path: 'inputs[0].shape' });
    sampleRate = parseSampleRate(parameter(input, 'sampleRate') ?? parameter(value, 'sampleRate'), 'inputs[0].parameters.sampleRate');
    checkWindowLength(length, sampleRate, info, 'inputs[0].shape[1]');
  }
  const binarySize = parameter(input, 'binary_data_size');
  let data: Float32Array;
  if (binarySize !== undefined) {
    if (binary === undefined) throw new ApiError('BAD_REQUEST', 'inputs[0].parameters.binary_data_size needs the Inference-Header-Content-Length header', { path: 'inputs[0].parameters.binary_data_size' });
    if (binarySize !== binary.byteLength) {
      throw new ApiError('BAD_REQUEST', `inputs[0].parameters.binary_data_size is ${String(binarySize)}; ${binary.byteLength} bytes follow the JSON`, { path: 'inputs[0].parameters.binary_data_size' });
    }
    data = binaryTensorData(binary, shape, 'inputs[0]');
  } else {
    data = jsonTensorData(input['data'], shape, 'inputs[0].data');
  }
  const outputs = parseOutputs(value, kind);
  const idValue = id as string | undefined;
  const rows = Array.from({ length: batch }, (_, b) => data.slice(b * length, (b + 1) * length));
  return kind === 'tensor'
    ? { kind, id: idValue, outputs, windows: rows }
    : { kind, id: idValue, outputs, windows: rows.map((samples) => ({ samples, sampleRate })) };
}
