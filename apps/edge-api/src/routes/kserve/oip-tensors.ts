/**
 * @module The Open Inference Protocol tensors of the served model: its inputs and outputs as
 * metadata, and an infer response built from predictions — each requested output as JSON `data`
 * or, with the binary tensor extension, as little-endian bytes after the JSON header.
 */
import type { ModelInfo, Prediction } from '../../model/predictor.js';
import type { WindowQuality } from '../../model/predict-service.js';

/** Name of the raw-signal input (rows of GSR at `parameters.sampleRate`). */
export const RAW_INPUT_NAME = 'gsr';

/** Every output, in the order answered when none is requested. */
export const OUTPUT_NAMES = ['probabilities', 'level', 'quality_ok', 'quality_flags'] as const;

/** One output's name. */
export type OutputName = (typeof OUTPUT_NAMES)[number];

/** Metadata of one tensor. */
export interface TensorMetadata {
  readonly name: string;
  readonly datatype: 'FP32' | 'INT64' | 'BOOL' | 'BYTES';
  readonly shape: readonly number[];
}

/**
 * The model's input and output tensors (`-1` = any size).
 *
 * @example
 * modelTensors(info).outputs.map((o) => o.name); // ['probabilities', 'level', 'quality_ok', 'quality_flags']
 */
export function modelTensors(info: ModelInfo): { inputs: TensorMetadata[]; outputs: TensorMetadata[] } {
  return {
    inputs: [
      { name: info.inputName, datatype: 'FP32', shape: [-1, info.windowSamples, 1] },
      { name: RAW_INPUT_NAME, datatype: 'FP32', shape: [-1, -1] },
    ],
    outputs: [
      { name: 'probabilities', datatype: 'FP32', shape: [-1, info.labels.length] },
      { name: 'level', datatype: 'INT64', shape: [-1] },
      { name: 'quality_ok', datatype: 'BOOL', shape: [-1] },
      { name: 'quality_flags', datatype: 'BYTES', shape: [-1] },
    ],
  };
}

/** One prediction row of an infer response (quality only for raw input). */
export interface InferRow {
  readonly prediction: Prediction;
  readonly quality: WindowQuality | undefined;
}

/** An output as it goes into the response: metadata, JSON values and their binary encoding. */
interface OutputTensor extends TensorMetadata {
  readonly data: readonly (number | boolean | string)[];
  readonly bytes: () => Uint8Array;
}

function output(name: OutputName, rows: readonly InferRow[], classes: number): OutputTensor {
  const b = rows.length;
  switch (name) {
    case 'probabilities': {
      const data = rows.flatMap((r) => r.prediction.probabilities);
      return { name, datatype: 'FP32', shape: [b, classes], data, bytes: () => new Uint8Array(Float32Array.from(data).buffer) };
    }
    case 'level': {
      const data = rows.map((r) => r.prediction.level);
      return { name, datatype: 'INT64', shape: [b], data, bytes: () => new Uint8Array(BigInt64Array.from(data.map(BigInt)).buffer) };
    }
    case 'quality_ok': {
      const data = rows.map((r) => r.quality?.ok ?? true);
      return { name, datatype: 'BOOL', shape: [b], data, bytes: () => Uint8Array.from(data.map((ok) => (ok ? 1 : 0))) };
    }
    case 'quality_flags': {
      const data = rows.map((r) => (r.quality?.flags ?? []).join(','));
      return {
        name,
        datatype: 'BYTES',
        shape: [b],
        data,
        bytes: () => Buffer.concat(data.map((s) => {
          const text = Buffer.from(s, 'utf8');
          const size = Buffer.alloc(4);
          size.writeUInt32LE(text.length);
          return Buffer.concat([size, text]);
        })),
      };
    }
  }
}

/** A response ready to send: JSON alone, or a JSON header followed by binary tensor data. */
export interface InferResponseBody {
  readonly json: Record<string, unknown>;
  /** Binary data after the JSON (empty: plain JSON response). */
  readonly binary: readonly Uint8Array[];
}

/**
 * Builds the infer response for the requested outputs.
 *
 * @example
 * const { json, binary } = inferResponse(info, rows, [{ name: 'probabilities', binary: true }], 'r1');
 */
export function inferResponse(info: ModelInfo, rows: readonly InferRow[], requested: readonly { name: OutputName; binary: boolean }[], id: string | undefined): InferResponseBody {
  const binary: Uint8Array[] = [];
  const outputs = requested.map(({ name, binary: asBinary }) => {
    const t = output(name, rows, info.labels.length);
    const meta = { name: t.name, datatype: t.datatype, shape: t.shape };
    if (!asBinary) return { ...meta, data: t.data };
    const bytes = t.bytes();
    binary.push(bytes);
    return { ...meta, parameters: { binary_data_size: bytes.byteLength } };
  });
  return { json: { model_name: info.name, model_version: info.version, ...(id !== undefined ? { id } : {}), outputs }, binary };
}
