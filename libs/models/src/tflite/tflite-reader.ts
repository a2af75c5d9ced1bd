/**
 * @module painkd's own `.tflite` reader: parses the FlatBuffer back into a {@link TfliteGraph},
 * checking every offset, length and index against the bytes it has, so a truncated or corrupted
 * file is refused with a coded {@link TfliteError} (`TFLITE_NOT_A_MODEL`, `TFLITE_TRUNCATED`,
 * `TFLITE_CORRUPT`, `TFLITE_UNSUPPORTED`) naming what and where, instead of reading garbage.
 * It reads the subset painkd writes (one subgraph; the operators of `tflite-schema.ts`). Weight
 * bytes themselves carry no checksum in the format: the manifest's sha256 covers those.
 */
import type { TfliteGraph, TfliteOperator, TfliteOptions, TfliteQuantization, TfliteTensor } from './tflite-graph.js';
import { TfliteError } from './tflite-error.js';
import { Activation, BuiltinOperator, BuiltinOptions, Padding, SLOT, TensorType, TFLITE_FILE_IDENTIFIER, TFLITE_SCHEMA_VERSION, type TfliteBuiltin, type TfliteTensorType } from './tflite-schema.js';

const ELEMENT_BYTES: Readonly<Record<number, number>> = { [TensorType.FLOAT32]: 4, [TensorType.INT32]: 4, [TensorType.INT8]: 1 };
const BUILTIN_BY_CODE = new Map(Object.entries(BuiltinOperator).map(([name, code]) => [code, name as TfliteBuiltin]));

/**
 * Reads and validates `.tflite` bytes.
 *
 * @example
 * ```ts
 * const graph = readTflite(new Uint8Array(await readFile('student.int8.tflite')));
 * graph.tensors[graph.inputs[0]!]!.quantization; // { scale: [0.0123], zeroPoint: [-3], … }
 * ```
 */
export function readTflite(bytes: Uint8Array): TfliteGraph {
  if (bytes.length < 8) throw new TfliteError('TFLITE_NOT_A_MODEL', `a .tflite file is at least 8 bytes, got ${bytes.length}`, { details: { bytes: bytes.length } });
  const id = String.fromCharCode(...bytes.subarray(4, 8));
  if (id !== TFLITE_FILE_IDENTIFIER) throw new TfliteError('TFLITE_NOT_A_MODEL', `file identifier is "${id}", expected "${TFLITE_FILE_IDENTIFIER}"`, { details: { identifier: id } });
  const r = new Reader(bytes);
  const model = r.table(r.u32(0), 'Model');
  const version = r.scalar(model, SLOT.model.version, 'u32', 0);
  if (version !== TFLITE_SCHEMA_VERSION) throw new TfliteError('TFLITE_UNSUPPORTED', `schema version ${version}, painkd reads version ${TFLITE_SCHEMA_VERSION}`, { details: { version } });
  const buffers = r.tables(model, SLOT.model.buffers, 'Model.buffers').map((b, i) => r.bytes(b, SLOT.buffer.data, `buffers[${i}].data`));
  if (buffers.length === 0 || buffers[0]!.length !== 0) r.corrupt('buffer 0 must exist and be empty (the sentinel)', 'Model.buffers[0]');
  const codes = r.tables(model, SLOT.model.operatorCodes, 'Model.operator_codes').map((c, i) => {
    const code = r.scalar(c, SLOT.operatorCode.builtinCode, 'i32', 0) || r.scalar(c, SLOT.operatorCode.deprecatedBuiltinCode, 'i8', 0);
    const op = BUILTIN_BY_CODE.get(code as never);
    if (!op) throw new TfliteError('TFLITE_UNSUPPORTED', `operator code ${i} is builtin ${code}, which painkd does not write`, { details: { where: `operator_codes[${i}]`, builtin: code } });
    return { op, version: r.scalar(c, SLOT.operatorCode.version, 'i32', 1) };
  });
  const subgraphs = r.tables(model, SLOT.model.subgraphs, 'Model.subgraphs');
  if (subgraphs.length !== 1) throw new TfliteError('TFLITE_UNSUPPORTED', `${subgraphs.length} subgraphs, painkd reads exactly one`, { details: { subgraphs: subgraphs.length } });
  const sg = subgraphs[0]!;
  const tensors = r.tables(sg, SLOT.subGraph.tensors, 'SubGraph.tensors').map((t, i) => readTensor(r, t, i, buffers));
  const index = (values: readonly number[], where: string): number[] => {
    values.forEach((v, k) => {
      if (!Number.isInteger(v) || v < 0 || v >= tensors.length) r.corrupt(`tensor index ${v} out of range [0, ${tensors.length})`, `${where}[${k}]`);
    });
    return [...values];
  };
  const operators = r.tables(sg, SLOT.subGraph.operators, 'SubGraph.operators').map((o, i): TfliteOperator => {
    const where = `operators[${i}]`;
    const k = r.scalar(o, SLOT.operator.opcodeIndex, 'u32', 0);
    const code = codes[k] ?? r.corrupt(`opcode index ${k} out of range [0, ${codes.length})`, where);
    const options = readOptions(r, o, where);
    return { op: code.op, version: code.version, inputs: index(r.ints(o, SLOT.operator.inputs, `${where}.inputs`), `${where}.inputs`), outputs: index(r.ints(o, SLOT.operator.outputs, `${where}.outputs`), `${where}.outputs`), ...(options ? { options } : {}) };
  });
  return {
    tensors,
    inputs: index(r.ints(sg, SLOT.subGraph.inputs, 'SubGraph.inputs'), 'SubGraph.inputs'),
    outputs: index(r.ints(sg, SLOT.subGraph.outputs, 'SubGraph.outputs'), 'SubGraph.outputs'),
    operators,
    description: r.string(model, SLOT.model.description, 'Model.description'),
    name: r.string(sg, SLOT.subGraph.name, 'SubGraph.name'),
  };
}

function readTensor(r: Reader, t: number, i: number, buffers: readonly Uint8Array[]): TfliteTensor {
  const where = `tensors[${i}]`;
  const shape = r.ints(t, SLOT.tensor.shape, `${where}.shape`);
  const type = r.scalar(t, SLOT.tensor.type, 'i8', 0);
  if (ELEMENT_BYTES[type] === undefined) throw new TfliteError('TFLITE_UNSUPPORTED', `${where} has tensor type ${type}, painkd writes float32, int32 and int8`, { details: { where, type } });
  const b = r.scalar(t, SLOT.tensor.buffer, 'u32', 0);
  const data = buffers[b] ?? r.corrupt(`buffer index ${b} out of range [0, ${buffers.length})`, `${where}.buffer`);
  if (data.length > 0) {
    const expected = shape.reduce((a, d) => a * d, 1) * ELEMENT_BYTES[type]!;
    if (data.length !== expected) r.corrupt(`buffer ${b} holds ${data.length} bytes, shape [${shape.join(', ')}] needs ${expected}`, where);
  }
  const q = r.optionalTable(t, SLOT.tensor.quantization, `${where}.quantization`);
  let quantization: TfliteQuantization | undefined;
  if (q !== null) {
    const scale = r.floats(q, SLOT.quantization.scale, `${where}.quantization.scale`);
    const zeroPoint = r.longs(q, SLOT.quantization.zeroPoint, `${where}.quantization.zero_point`);
    if (scale.length > 0 || zeroPoint.length > 0) {
      if (scale.length !== zeroPoint.length) r.corrupt(`${scale.length} scales but ${zeroPoint.length} zero points`, `${where}.quantization`);
      quantization = { scale, zeroPoint, quantizedDimension: r.scalar(q, SLOT.quantization.quantizedDimension, 'i32', 0) };
    }
  }
  return { name: r.string(t, SLOT.tensor.name, `${where}.name`), shape, type: type as TfliteTensorType, ...(data.length > 0 ? { data } : {}), ...(quantization ? { quantization } : {}) };
}

function readOptions(r: Reader, o: number, where: string): TfliteOptions | undefined {
  const type = r.scalar(o, SLOT.operator.builtinOptionsType, 'u8', 0);
  if (type === 0) return undefined;
  const t = r.optionalTable(o, SLOT.operator.builtinOptions, `${where}.builtin_options`) ?? r.corrupt(`options type ${type} without options`, where);
  const padding = (slot: number): 'SAME' | 'VALID' => (r.scalar(t, slot, 'i8', 0) === Padding.VALID ? 'VALID' : 'SAME');
  const relu = (slot: number): boolean => r.scalar(t, slot, 'i8', 0) === Activation.RELU;
  switch (type) {
    case BuiltinOptions.Conv2DOptions: {
      const s = SLOT.conv2dOptions;
      return { kind: 'conv2d', padding: padding(s.padding), strideW: r.scalar(t, s.strideW, 'i32', 0), strideH: r.scalar(t, s.strideH, 'i32', 0), relu: relu(s.fusedActivation) };
    }
    case BuiltinOptions.Pool2DOptions: {
      const s = SLOT.pool2dOptions;
      return { kind: 'pool2d', padding: padding(s.padding), strideW: r.scalar(t, s.strideW, 'i32', 0), strideH: r.scalar(t, s.strideH, 'i32', 0), filterW: r.scalar(t, s.filterWidth, 'i32', 0), filterH: r.scalar(t, s.filterHeight, 'i32', 0) };
    }
    case BuiltinOptions.FullyConnectedOptions:
      return { kind: 'fullyConnected', relu: relu(SLOT.fullyConnectedOptions.fusedActivation) };
    case BuiltinOptions.ReshapeOptions:
      return { kind: 'reshape', newShape: r.ints(t, SLOT.reshapeOptions.newShape, `${where}.new_shape`) };
    case BuiltinOptions.ReducerOptions:
      return { kind: 'reducer', keepDims: r.scalar(t, SLOT.reducerOptions.keepDims, 'u8', 0) !== 0 };
    default:
      throw new TfliteError('TFLITE_UNSUPPORTED', `${where} has builtin options type ${type}, which painkd does not write`, { details: { where, optionsType: type } });
  }
}

type Scalar = 'u8' | 'i8' | 'i32' | 'u32';
const SCALAR_BYTES: Readonly<Record<Scalar, number>> = { u8: 1, i8: 1, i32: 4, u32: 4 };

/** Bounds-checked FlatBuffer access: every read names where it was when it fails. */
class Reader {
  private readonly view: DataView;
  constructor(private readonly buf: Uint8Array) {
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  }

  corrupt(message: string, where: string): never {
    throw new TfliteError('TFLITE_CORRUPT', `${where}: ${message}`, { details: { where } });
  }

  private need(pos: number, size: number, where: string): void {
    if (pos < 0 || !Number.isInteger(pos)) this.corrupt(`offset ${pos} is invalid`, where);
    if (pos + size > this.buf.length) {
      throw new TfliteError('TFLITE_TRUNCATED', `${where}: needs bytes ${pos}–${pos + size} but the file has ${this.buf.length}`, { details: { where, needed: pos + size, bytes: this.buf.length } });
    }
  }

  u32(pos: number, where = 'root offset'): number {
    this.need(pos, 4, where);
    return this.view.getUint32(pos, true);
  }

  /** A table at `pos`: checks its vtable, returns `pos`. */
  table(pos: number, where: string): number {
    this.need(pos, 4, where);
    const vtable = pos - this.view.getInt32(pos, true);
    this.need(vtable, 4, `${where} vtable`);
    const vtLength = this.view.getUint16(vtable, true);
    const objLength = this.view.getUint16(vtable + 2, true);
    if (vtLength < 4 || vtLength % 2 !== 0) this.corrupt(`vtable length ${vtLength} is invalid`, where);
    this.need(vtable, vtLength, `${where} vtable`);
    this.need(pos, objLength, where);
    return pos;
  }

  /** Absolute position of a field, or 0 when absent. */
  private field(table: number, slot: number, size: number, where: string): number {
    const vtable = table - this.view.getInt32(table, true);
    const vtLength = this.view.getUint16(vtable, true);
    const entry = 4 + 2 * slot;
    if (entry + 2 > vtLength) return 0;
    const offset = this.view.getUint16(vtable + entry, true);
    if (offset === 0) return 0;
    if (offset + size > this.view.getUint16(vtable + 2, true)) this.corrupt(`field ${slot} lies outside its table`, where);
    return table + offset;
  }

  scalar(table: number, slot: number, type: Scalar, fallback: number): number {
    const pos = this.field(table, slot, SCALAR_BYTES[type], `field ${slot}`);
    if (pos === 0) return fallback;
    this.need(pos, SCALAR_BYTES[type], `field ${slot}`);
    switch (type) {
      case 'u8':
        return this.view.getUint8(pos);
      case 'i8':
        return this.view.getInt8(pos);
      case 'i32':
        return this.view.getInt32(pos, true);
      case 'u32':
        return this.view.getUint32(pos, true);
    }
  }

  /** Target of an offset field, or null when absent. */
  private target(table: number, slot: number, where: string): number | null {
    const pos = this.field(table, slot, 4, where);
    if (pos === 0) return null;
    return pos + this.u32(pos, where);
  }

  optionalTable(table: number, slot: number, where: string): number | null {
    const t = this.target(table, slot, where);
    return t === null ? null : this.table(t, where);
  }

  /** Start and length of a vector field (empty when absent). */
  private vector(table: number, slot: number, elementBytes: number, where: string): { start: number; length: number } {
    const v = this.target(table, slot, where);
    if (v === null) return { start: 0, length: 0 };
    const length = this.u32(v, where);
    this.need(v + 4, length * elementBytes, where);
    return { start: v + 4, length };
  }

  tables(table: number, slot: number, where: string): number[] {
    const { start, length } = this.vector(table, slot, 4, where);
    return Array.from({ length }, (_, i) => this.table(start + 4 * i + this.u32(start + 4 * i, `${where}[${i}]`), `${where}[${i}]`));
  }

  ints(table: number, slot: number, where: string): number[] {
    const { start, length } = this.vector(table, slot, 4, where);
    return Array.from({ length }, (_, i) => this.view.getInt32(start + 4 * i, true));
  }

  longs(table: number, slot: number, where: string): number[] {
    const { start, length } = this.vector(table, slot, 8, where);
    return Array.from({ length }, (_, i) => Number(this.view.getBigInt64(start + 8 * i, true)));
  }

  floats(table: number, slot: number, where: string): number[] {
    const { start, length } = this.vector(table, slot, 4, where);
    return Array.from({ length }, (_, i) => this.view.getFloat32(start + 4 * i, true));
  }

  bytes(table: number, slot: number, where: string): Uint8Array {
    const { start, length } = this.vector(table, slot, 1, where);
    return this.buf.slice(start, start + length);
  }

  string(table: number, slot: number, where: string): string {
    return new TextDecoder('utf-8', { fatal: false }).decode(this.bytes(table, slot, where));
  }
}
