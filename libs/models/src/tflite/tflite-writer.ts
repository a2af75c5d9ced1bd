/**
 * @module Serialises a {@link TfliteGraph} to `.tflite` bytes with the `flatbuffers` Builder and
 * the slot table of `tflite-schema.ts`. Schema facts respected: buffer 0 is the empty sentinel and
 * every non-constant tensor points at it; each constant gets its own buffer, 16-byte aligned (both
 * wasm runtimes refuse misaligned weights); each operator code carries `deprecated_builtin_code`
 * and `builtin_code`; the model is finished with identifier `TFL3` at schema version 3.
 */
import { Builder } from 'flatbuffers';
import type { TfliteGraph, TfliteOperator, TfliteOptions, TfliteTensor } from './tflite-graph.js';
import { Activation, BuiltinOperator, BuiltinOptions, Padding, SLOT, SLOT_COUNT, TFLITE_FILE_IDENTIFIER, TFLITE_SCHEMA_VERSION } from './tflite-schema.js';

type Offset = number;

/** Highest value `deprecated_builtin_code` (a byte) holds; larger codes write this placeholder. */
const PLACEHOLDER_FOR_GREATER_OP_CODES = 127;

/**
 * Writes a graph as a TFLite FlatBuffer.
 *
 * @example
 * ```ts
 * const bytes = writeTflite(graph);
 * await writeFile('student.fp32.tflite', bytes);
 * ```
 */
export function writeTflite(graph: TfliteGraph): Uint8Array {
  const b = new Builder(1024 + graph.tensors.reduce((n, t) => n + (t.data?.length ?? 0) + 64, 0));
  const buffers: Offset[] = [table(b, SLOT_COUNT.buffer, () => undefined)];
  const bufferOf = new Map<number, number>();
  graph.tensors.forEach((t, i) => {
    if (!t.data) return;
    const data = bytesVector(b, t.data, 16);
    bufferOf.set(i, buffers.length);
    buffers.push(table(b, SLOT_COUNT.buffer, () => b.addFieldOffset(SLOT.buffer.data, data, 0)));
  });
  const tensors = graph.tensors.map((t, i) => writeTensor(b, t, bufferOf.get(i) ?? 0));
  const codes: { op: TfliteOperator['op']; version: number }[] = [];
  const codeIndex = (o: TfliteOperator): number => {
    let k = codes.findIndex((c) => c.op === o.op && c.version === o.version);
    if (k < 0) k = codes.push({ op: o.op, version: o.version }) - 1;
    return k;
  };
  const operators = graph.operators.map((o) => writeOperator(b, o, codeIndex(o)));
  const subgraphName = b.createString(graph.name);
  const tensorsVec = offsetsVector(b, tensors);
  const inputsVec = int32Vector(b, graph.inputs);
  const outputsVec = int32Vector(b, graph.outputs);
  const operatorsVec = offsetsVector(b, operators);
  const subgraph = table(b, SLOT_COUNT.subGraph, () => {
    b.addFieldOffset(SLOT.subGraph.tensors, tensorsVec, 0);
    b.addFieldOffset(SLOT.subGraph.inputs, inputsVec, 0);
    b.addFieldOffset(SLOT.subGraph.outputs, outputsVec, 0);
    b.addFieldOffset(SLOT.subGraph.operators, operatorsVec, 0);
    b.addFieldOffset(SLOT.subGraph.name, subgraphName, 0);
  });
  const opCodes = codes.map((c) => {
    const code = BuiltinOperator[c.op];
    return table(b, SLOT_COUNT.operatorCode, () => {
      b.addFieldInt8(SLOT.operatorCode.deprecatedBuiltinCode, Math.min(code, PLACEHOLDER_FOR_GREATER_OP_CODES), 0);
      b.addFieldInt32(SLOT.operatorCode.version, c.version, 1);
      b.addFieldInt32(SLOT.operatorCode.builtinCode, code, 0);
    });
  });
  const description = b.createString(graph.description);
  const opCodesVec = offsetsVector(b, opCodes);
  const subgraphsVec = offsetsVector(b, [subgraph]);
  const buffersVec = offsetsVector(b, buffers);
  const model = table(b, SLOT_COUNT.model, () => {
    b.addFieldInt32(SLOT.model.version, TFLITE_SCHEMA_VERSION, 0);
    b.addFieldOffset(SLOT.model.operatorCodes, opCodesVec, 0);
    b.addFieldOffset(SLOT.model.subgraphs, subgraphsVec, 0);
    b.addFieldOffset(SLOT.model.description, description, 0);
    b.addFieldOffset(SLOT.model.buffers, buffersVec, 0);
  });
  b.finish(model, TFLITE_FILE_IDENTIFIER);
  return b.asUint8Array().slice();
}

function writeTensor(b: Builder, t: TfliteTensor, buffer: number): Offset {
  const shape = int32Vector(b, t.shape);
  const name = b.createString(t.name);
  const q = t.quantization;
  let quantization = 0;
  if (q) {
    const scale = float32Vector(b, q.scale);
    const zeroPoint = int64Vector(b, q.zeroPoint);
    quantization = table(b, SLOT_COUNT.quantization, () => {
      b.addFieldOffset(SLOT.quantization.scale, scale, 0);
      b.addFieldOffset(SLOT.quantization.zeroPoint, zeroPoint, 0);
      b.addFieldInt32(SLOT.quantization.quantizedDimension, q.quantizedDimension, 0);
    });
  }
  return table(b, SLOT_COUNT.tensor, () => {
    b.addFieldOffset(SLOT.tensor.shape, shape, 0);
    b.addFieldInt8(SLOT.tensor.type, t.type, 0);
    b.addFieldInt32(SLOT.tensor.buffer, buffer, 0);
    b.addFieldOffset(SLOT.tensor.name, name, 0);
    if (quantization) b.addFieldOffset(SLOT.tensor.quantization, quantization, 0);
  });
}

function writeOperator(b: Builder, o: TfliteOperator, opcodeIndex: number): Offset {
  const inputs = int32Vector(b, o.inputs);
  const outputs = int32Vector(b, o.outputs);
  const options = o.options ? writeOptions(b, o.options) : null;
  return table(b, SLOT_COUNT.operator, () => {
    b.addFieldInt32(SLOT.operator.opcodeIndex, opcodeIndex, 0);
    b.addFieldOffset(SLOT.operator.inputs, inputs, 0);
    b.addFieldOffset(SLOT.operator.outputs, outputs, 0);
    if (options) {
      b.addFieldInt8(SLOT.operator.builtinOptionsType, options.type, 0);
      b.addFieldOffset(SLOT.operator.builtinOptions, options.offset, 0);
    }
  });
}

function writeOptions(b: Builder, o: TfliteOptions): { type: number; offset: Offset } {
  switch (o.kind) {
    case 'conv2d':
      return {
        type: BuiltinOptions.Conv2DOptions,
        offset: table(b, SLOT_COUNT.conv2dOptions, () => {
          const s = SLOT.conv2dOptions;
          b.addFieldInt8(s.padding, Padding[o.padding], 0);
          b.addFieldInt32(s.strideW, o.strideW, 0);
          b.addFieldInt32(s.strideH, o.strideH, 0);
          b.addFieldInt8(s.fusedActivation, o.relu ? Activation.RELU : Activation.NONE, 0);
          b.addFieldInt32(s.dilationW, 1, 1);
          b.addFieldInt32(s.dilationH, 1, 1);
        }),
      };
    case 'pool2d':
      return {
        type: BuiltinOptions.Pool2DOptions,
        offset: table(b, SLOT_COUNT.pool2dOptions, () => {
          const s = SLOT.pool2dOptions;
          b.addFieldInt8(s.padding, Padding[o.padding], 0);
          b.addFieldInt32(s.strideW, o.strideW, 0);
          b.addFieldInt32(s.strideH, o.strideH, 0);
          b.addFieldInt32(s.filterWidth, o.filterW, 0);
          b.addFieldInt32(s.filterHeight, o.filterH, 0);
        }),
      };
    case 'fullyConnected':
      return {
        type: BuiltinOptions.FullyConnectedOptions,
        offset: table(b, SLOT_COUNT.fullyConnectedOptions, () => b.addFieldInt8(SLOT.fullyConnectedOptions.fusedActivation, o.relu ? Activation.RELU : Activation.NONE, 0)),
      };
    case 'reshape': {
      const shape = int32Vector(b, o.newShape);
      return { type: BuiltinOptions.ReshapeOptions, offset: table(b, SLOT_COUNT.reshapeOptions, () => b.addFieldOffset(SLOT.reshapeOptions.newShape, shape, 0)) };
    }
    case 'reducer':
      return { type: BuiltinOptions.ReducerOptions, offset: table(b, SLOT_COUNT.reducerOptions, () => b.addFieldInt8(SLOT.reducerOptions.keepDims, o.keepDims ? 1 : 0, 0)) };
  }
}

function table(b: Builder, slots: number, fill: () => void): Offset {
  b.startObject(slots);
  fill();
  return b.endObject();
}

function bytesVector(b: Builder, data: Uint8Array, alignment: number): Offset {
  b.startVector(1, data.length, alignment);
  for (let i = data.length - 1; i >= 0; i--) b.addInt8(data[i]!);
  return b.endVector();
}

function int32Vector(b: Builder, values: readonly number[]): Offset {
  return vector(b, 4, values, (v) => b.addInt32(v));
}

function int64Vector(b: Builder, values: readonly number[]): Offset {
  return vector(b, 8, values, (v) => b.addInt64(BigInt(v)));
}

function float32Vector(b: Builder, values: readonly number[]): Offset {
  return vector(b, 4, values, (v) => b.addFloat32(v));
}

function offsetsVector(b: Builder, offsets: readonly Offset[]): Offset {
  return vector(b, 4, offsets, (v) => b.addOffset(v));
}

/** A vector of `size`-byte elements (FlatBuffers are built back to front, so added last to first). */
function vector(b: Builder, size: number, values: readonly number[], add: (value: number) => void): Offset {
  b.startVector(size, values.length, size);
  for (let i = values.length - 1; i >= 0; i--) add(values[i]!);
  return b.endVector();
}
