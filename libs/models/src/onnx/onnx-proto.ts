/**
 * @module The ONNX protobuf schema (the `onnx-proto` package, encoded by protobufjs) and small
 * helpers to build and read its messages, so no other file touches wire-level details.
 */
import onnxProto from 'onnx-proto';
import type { onnx as OnnxNamespace } from 'onnx-proto';

/** The `onnx` protobuf namespace: `ModelProto`, `GraphProto`, `TensorProto`, … */
export const onnx = onnxProto.onnx;

/** Type aliases of the protobuf message interfaces used across the exporter and quantiser. */
export type ModelProto = OnnxNamespace.IModelProto;
export type GraphProto = OnnxNamespace.IGraphProto;
export type NodeProto = OnnxNamespace.INodeProto;
export type TensorProto = OnnxNamespace.ITensorProto;
export type AttributeProto = OnnxNamespace.IAttributeProto;
export type ValueInfoProto = OnnxNamespace.IValueInfoProto;

/** ONNX tensor element types used by painkd. */
export const DataType = {
  FLOAT: 1,
  INT8: 3,
  INT32: 6,
  INT64: 7,
} as const;

/** An attribute value: an int, `{ float }`, a string, a list of ints, or `{ floats }`. */
export type AttributeValue = number | string | readonly number[] | { readonly float: number } | { readonly floats: readonly number[] };

/** Converts a protobuf int64 (number or Long) to a JS number. */
export function toNumber(value: number | { toNumber(): number } | null | undefined): number {
  if (value === null || value === undefined) return 0;
  return typeof value === 'number' ? value : value.toNumber();
}

/** Builds an attribute; numbers are INT (they must be integers), `{ float }` FLOAT, lists INTS, `{ floats }` FLOATS. */
export function attribute(name: string, value: AttributeValue): AttributeProto {
  const T = onnx.AttributeProto.AttributeType;
  if (typeof value === 'string') return { name, type: T.STRING, s: new TextEncoder().encode(value) };
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) throw new TypeError(`attribute ${name} must be an integer; wrap floats as { float }`);
    return { name, type: T.INT, i: value };
  }
  if ('float' in value) return { name, type: T.FLOAT, f: value.float };
  if ('floats' in value) return { name, type: T.FLOATS, floats: [...value.floats] };
  return { name, type: T.INTS, ints: [...(value as readonly number[])] };
}

/** Builds a node. */
export function node(
  opType: string,
  inputs: readonly string[],
  outputs: readonly string[],
  name: string,
  attributes: Readonly<Record<string, AttributeValue>> = {},
  domain = '',
): NodeProto {
  return {
    opType,
    input: [...inputs],
    output: [...outputs],
    name,
    domain,
    attribute: Object.entries(attributes).map(([key, value]) => attribute(key, value)),
  };
}

/** Builds an initializer from typed data, stored little-endian in `raw_data`. */
export function tensor(
  name: string,
  dims: readonly number[],
  data: Float32Array | Int8Array | Int32Array | BigInt64Array,
): TensorProto {
  const dataType =
    data instanceof Float32Array
      ? DataType.FLOAT
      : data instanceof Int8Array
        ? DataType.INT8
        : data instanceof Int32Array
          ? DataType.INT32
          : DataType.INT64;
  const raw = new Uint8Array(data.byteLength);
  raw.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  return { name, dims: [...dims], dataType, rawData: raw };
}

/** Reads an initializer's values (raw_data or the typed repeated fields) as float64 numbers. */
export function tensorValues(t: TensorProto): Float64Array {
  const dims = (t.dims ?? []).map((d) => toNumber(d));
  const count = dims.reduce((a, b) => a * b, 1);
  const out = new Float64Array(count);
  const raw = t.rawData && t.rawData.length > 0 ? t.rawData : null;
  if (raw) {
    const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
    for (let i = 0; i < count; i++) {
      switch (t.dataType) {
        case DataType.FLOAT:
          out[i] = view.getFloat32(i * 4, true);
          break;
        case DataType.INT8:
          out[i] = view.getInt8(i);
          break;
        case DataType.INT32:
          out[i] = view.getInt32(i * 4, true);
          break;
        case DataType.INT64:
          out[i] = Number(view.getBigInt64(i * 8, true));
          break;
        default:
          throw new Error(`unsupported tensor data type ${t.dataType} in ${t.name}`);
      }
    }
    return out;
  }
  const fields: readonly (number | { toNumber(): number })[] =
    t.dataType === DataType.FLOAT ? (t.floatData ?? []) : t.dataType === DataType.INT64 ? (t.int64Data ?? []) : (t.int32Data ?? []);
  for (let i = 0; i < count; i++) out[i] = toNumber(fields[i]);
  return out;
}

/** Dims of an initializer as numbers. */
export function tensorDims(t: TensorProto): number[] {
  return (t.dims ?? []).map((d) => toNumber(d));
}

/** A float tensor value-info with a symbolic or fixed shape. */
export function floatValueInfo(name: string, shape: readonly (number | string)[] | null): ValueInfoProto {
  return {
    name,
    type: {
      tensorType: {
        elemType: DataType.FLOAT,
        ...(shape
          ? { shape: { dim: shape.map((d) => (typeof d === 'string' ? { dimParam: d } : { dimValue: d })) } }
          : {}),
      },
    },
  };
}

/** Encodes a model to bytes. */
export function encodeModel(model: ModelProto): Uint8Array {
  return onnx.ModelProto.encode(onnx.ModelProto.fromObject(model)).finish();
}

/** Decodes model bytes. */
export function decodeModel(bytes: Uint8Array): ModelProto {
  return onnx.ModelProto.decode(bytes);
}

/** Reads an attribute of a node as a number, list or string, or `undefined` when absent. */
export function getAttribute(n: NodeProto, name: string): number | number[] | string | undefined {
  const a = (n.attribute ?? []).find((x) => x.name === name);
  if (!a) return undefined;
  const T = onnx.AttributeProto.AttributeType;
  switch (a.type) {
    case T.INT:
      return toNumber(a.i);
    case T.FLOAT:
      return a.f ?? 0;
    case T.INTS:
      return (a.ints ?? []).map((v) => toNumber(v));
    case T.FLOATS:
      return [...(a.floats ?? [])];
    case T.STRING:
      return new TextDecoder().decode(a.s ?? new Uint8Array());
    default:
      return undefined;
  }
}
