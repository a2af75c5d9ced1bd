/**
 * @module The TFLite exporter: writes the same folded graph as the ONNX exporter (batch norms
 * folded, dropout dropped) as a `.tflite` FlatBuffer, fp32 or full-integer int8. The input is
 * `[1, length, channels]` (channels-last, batch 1 as on a device), reshaped to NHWC
 * `[1, 1, length, channels]`: a 1-D conv becomes CONV_2D on a height-1 image (tfjs kernel
 * `[K, Cin, Cout]` → `[Cout, 1, K, Cin]`), pools become MAX/AVERAGE_POOL_2D of height 1, global
 * average pooling a MEAN over height and width, flatten a RESHAPE, dense layers FULLY_CONNECTED
 * (kernel transposed to `[out, in]`); a ReLU after conv/dense is fused into it. One output,
 * `logits` `[1, classes]`. Input length and channels come from the net spec, so a 4 Hz student
 * (22 samples) or a multi-channel teacher exports the same way.
 *
 * int8 (full integer, TFLite's quantisation spec): weights symmetric per output channel
 * (`quantized_dimension` 0, zero point 0, [−127, 127]); biases int32 with scale
 * inputScale · weightScale_c (one per channel, as many as the weights'); activations asymmetric
 * per tensor from calibrated ranges; max-pool, average-pool and reshape outputs reuse their
 * input's parameters. I/O either int8 (for microcontrollers: the caller quantises the window) or
 * float with QUANTIZE/DEQUANTIZE at the ends (for runtimes that take only float).
 */
import { foldNet, type FoldedLayer, type FoldedNet } from '../export/folded-net.js';
import { NetError } from '../nets/net-error.js';
import type { NetSpec, NetWeights } from '../nets/net-spec.js';
import { PAINKD_VERSION } from '../onnx/painkd-version.js';
import type { TensorRange } from '../onnx/quantize/calibrate.js';
import { activationQParams, quantizeBias, quantizePerChannel, type ActivationQParams } from '../onnx/quantize/quant-params.js';
import type { TfliteGraph, TfliteOperator, TfliteQuantization, TfliteTensor } from './tflite-graph.js';
import { TfliteError } from './tflite-error.js';
import { TensorType } from './tflite-schema.js';
import { writeTflite } from './tflite-writer.js';

/** Element type of the int8 model's input and output. */
export type TfliteIo = 'int8' | 'float';

/** Options of {@link exportTflite}. */
export interface ExportTfliteOptions {
  /**
   * Full-integer int8 instead of fp32: activation ranges keyed by the fp32 ONNX model's tensor
   * names (one calibration serves both int8 formats; {@link tfliteCalibrationTensors} lists the
   * names needed), and the I/O type (default `float`).
   */
  readonly int8?: { readonly ranges: ReadonlyMap<string, TensorRange>; readonly io?: TfliteIo };
}

/**
 * Exports a net to `.tflite` bytes.
 *
 * @example
 * ```ts
 * const fp32 = exportTflite(spec, weights);
 * const int8 = exportTflite(spec, weights, { int8: { ranges, io: 'int8' } });
 * ```
 */
export function exportTflite(spec: NetSpec, weights: NetWeights, options: ExportTfliteOptions = {}): Uint8Array {
  const folded = foldOrThrow(spec, weights);
  const int8 = options.int8;
  const io = int8?.io ?? 'float';
  const g = new GraphBuilder();
  const { length, channels } = spec.input;
  const quant = int8 ? (key: string): ActivationQParams => rangeParams(int8.ranges, key) : null;
  const activation = (name: string, shape: readonly number[], params: ActivationQParams | null): number =>
    g.tensor(params ? { name, shape, type: TensorType.INT8, quantization: perTensor(params) } : { name, shape, type: TensorType.FLOAT32 });
  const inputParams = quant?.('input') ?? null;
  let x: number;
  let xParams = inputParams;
  if (int8 && io === 'float') {
    const input = activation('input', [1, length, channels], null);
    g.inputs.push(input);
    x = activation('input_q', [1, length, channels], inputParams);
    g.op({ op: 'QUANTIZE', version: 2, inputs: [input], outputs: [x] });
  } else {
    x = activation('input', [1, length, channels], inputParams);
    g.inputs.push(x);
  }
  x = reshape(g, x, [1, 1, length, channels], 'input_nhwc', xParams);
  const v = int8 ? 2 : 1;
  const layers = folded.layers;
  const keys = outputKeys(folded);
  for (let i = 0; i < layers.length; i++) {
    const layer = layers[i]!;
    const fuseRelu = (layer.kind === 'conv1d' || layer.kind === 'dense') && keys[i + 1] === null;
    const outName = keys[i]!;
    const outParams = (key: string): ActivationQParams | null => quant?.(key) ?? null;
    switch (layer.kind) {
      case 'conv1d': {
        const p = outParams(outName);
        const filter = convFilter(layer);
        const bias = layer.bias ?? new Float32Array(layer.filters);
        const [w, b] = constants(g, layer.name, filter, [layer.filters, 1, layer.kernelSize, layer.inChannels], bias, xParams);
        const y = activation(outName, [1, 1, layer.outLength, layer.filters], p);
        g.op({ op: 'CONV_2D', version: int8 ? 3 : 1, inputs: [x, w, b], outputs: [y], options: { kind: 'conv2d', padding: layer.padding === 'same' ? 'SAME' : 'VALID', strideW: layer.stride, strideH: 1, relu: fuseRelu } });
        x = y;
        xParams = p;
        break;
      }
      case 'dense': {
        const p = outParams(outName);
        const bias = layer.bias ?? new Float32Array(layer.units);
        const [w, b] = constants(g, layer.name, transpose(layer.kernel, layer.inUnits, layer.units), [layer.units, layer.inUnits], bias, xParams);
        const y = activation(outName, [1, layer.units], p);
        g.op({ op: 'FULLY_CONNECTED', version: int8 ? 4 : 1, inputs: [x, w, b], outputs: [y], options: { kind: 'fullyConnected', relu: fuseRelu } });
        x = y;
        xParams = p;
        break;
      }
      case 'relu': {
        const p = outParams(outName);
        const y = activation(outName, g.shapeOf(x), p);
        g.op({ op: 'RELU', version: v, inputs: [x], outputs: [y] });
        x = y;
        xParams = p;
        break;
      }
      case 'maxPool1d':
      case 'avgPool1d': {
        const y = activation(outName, [1, 1, layer.outLength, layer.channels], xParams);
        g.op({
          op: layer.kind === 'maxPool1d' ? 'MAX_POOL_2D' : 'AVERAGE_POOL_2D',
          version: v,
          inputs: [x],
          outputs: [y],
          options: { kind: 'pool2d', padding: 'VALID', strideW: layer.stride, strideH: 1, filterW: layer.poolSize, filterH: 1 },
        });
        x = y;
        break;
      }
      case 'globalAvgPool1d': {
        const p = outParams(outName);
        const axes = g.tensor({ name: `${layer.name}/axes`, shape: [2], type: TensorType.INT32, data: bytes(Int32Array.of(1, 2)) });
        const y = activation(outName, [1, layer.channels], p);
        g.op({ op: 'MEAN', version: v, inputs: [x, axes], outputs: [y], options: { kind: 'reducer', keepDims: false } });
        x = y;
        xParams = p;
        break;
      }
      case 'flatten':
        x = reshape(g, x, [1, layer.inLength * layer.channels], outName, xParams);
        break;
      case 'batchNorm':
        throw new TfliteError('TFLITE_UNSUPPORTED_LAYER', `batch norm ${layer.name} does not follow a conv1d or dense layer; TFLite export folds batch norms only`, { details: { layer: layer.name } });
    }
    if (fuseRelu) i++;
  }
  if (int8 && io === 'float') {
    const logits = activation('logits_float', [1, spec.classes], null);
    g.op({ op: 'DEQUANTIZE', version: 2, inputs: [x], outputs: [logits] });
    x = logits;
  }
  g.outputs.push(x);
  const description = JSON.stringify({
    producer: 'painkd',
    painkdVersion: PAINKD_VERSION,
    arch: spec.arch,
    config: spec.config,
    input: { length, channels, layout: 'NLC' },
    classes: spec.classes,
    precision: int8 ? 'int8' : 'fp32',
    io: int8 ? io : 'float',
  });
  return writeTflite({ ...g.done(), description, name: spec.arch });
}

/**
 * Tensor names of the fp32 ONNX model (as {@link exportOnnx} names them) whose calibrated ranges
 * an int8 export of the net needs: the input, and every conv/dense (after its fused ReLU), lone
 * ReLU, global-pooling and logits output.
 *
 * @example
 * ```ts
 * const ranges = await calibrateRanges(fp32Onnx, tfliteCalibrationTensors(spec, weights), windows, { method });
 * ```
 */
export function tfliteCalibrationTensors(spec: NetSpec, weights: NetWeights): string[] {
  const folded = foldOrThrow(spec, weights);
  const keys = outputKeys(folded);
  return ['input', ...folded.layers.flatMap((l, i) => (l.kind === 'conv1d' || l.kind === 'dense' || l.kind === 'relu' || l.kind === 'globalAvgPool1d') && keys[i] ? [keys[i]!] : [])];
}

/**
 * The ONNX tensor name of each layer's output (`<layer>_out`, the fused ReLU's for conv/dense
 * followed by one, `logits` for the last), `null` for a ReLU fused into the layer before it.
 */
function outputKeys(folded: FoldedNet): (string | null)[] {
  const { layers, logitsIndex } = folded;
  return layers.map((layer, i) => {
    if (i === logitsIndex) return 'logits';
    const prev = layers[i - 1];
    if (layer.kind === 'relu' && (prev?.kind === 'conv1d' || prev?.kind === 'dense')) return null;
    const next = layers[i + 1];
    return (layer.kind === 'conv1d' || layer.kind === 'dense') && next?.kind === 'relu' ? `${next.name}_out` : `${layer.name}_out`;
  });
}

function foldOrThrow(spec: NetSpec, weights: NetWeights): FoldedNet {
  try {
    return foldNet(spec, weights);
  } catch (error) {
    if (error instanceof NetError) throw new TfliteError('TFLITE_BAD_NET', error.message, { cause: error, details: { netCode: error.code } });
    throw error;
  }
}

function rangeParams(ranges: ReadonlyMap<string, TensorRange>, key: string): ActivationQParams {
  const r = ranges.get(key);
  if (!r || !Number.isFinite(r.min) || !Number.isFinite(r.max)) {
    throw new TfliteError('TFLITE_BAD_OPTIONS', `int8 export needs a calibrated range for ${key}`, { details: { tensor: key } });
  }
  return activationQParams(r.min, r.max);
}

function perTensor(p: ActivationQParams): TfliteQuantization {
  return { scale: [p.scale], zeroPoint: [p.zeroPoint], quantizedDimension: 0 };
}

/** Weight and bias constants: float, or int8 per output channel (axis 0) with an int32 bias at inputScale × weightScale. */
function constants(g: GraphBuilder, layer: string, weight: Float32Array, shape: readonly number[], bias: Float32Array, input: ActivationQParams | null): [number, number] {
  if (!input) {
    return [
      g.tensor({ name: `${layer}/weights`, shape, type: TensorType.FLOAT32, data: bytes(weight) }),
      g.tensor({ name: `${layer}/bias`, shape: [bias.length], type: TensorType.FLOAT32, data: bytes(bias) }),
    ];
  }
  const w = quantizePerChannel(weight, shape, 0);
  const b = quantizeBias(bias, input.scale, w.scales);
  const zeros = new Array<number>(w.scales.length).fill(0);
  return [
    g.tensor({ name: `${layer}/weights`, shape, type: TensorType.INT8, data: bytes(w.values), quantization: { scale: [...w.scales], zeroPoint: zeros, quantizedDimension: 0 } }),
    g.tensor({ name: `${layer}/bias`, shape: [bias.length], type: TensorType.INT32, data: bytes(b.values), quantization: { scale: [...b.scales], zeroPoint: zeros, quantizedDimension: 0 } }),
  ];
}

function reshape(g: GraphBuilder, x: number, shape: readonly number[], name: string, params: ActivationQParams | null): number {
  const target = g.tensor({ name: `${name}/shape`, shape: [shape.length], type: TensorType.INT32, data: bytes(Int32Array.from(shape)) });
  const y = g.tensor(params ? { name, shape, type: TensorType.INT8, quantization: perTensor(params) } : { name, shape, type: TensorType.FLOAT32 });
  g.op({ op: 'RESHAPE', version: 1, inputs: [x, target], outputs: [y], options: { kind: 'reshape', newShape: shape } });
  return y;
}

/** tfjs conv kernel `[K, Cin, Cout]` → TFLite filter `[Cout, 1, K, Cin]`. */
function convFilter(layer: Extract<FoldedLayer, { kind: 'conv1d' }>): Float32Array {
  const { kernelSize: k, inChannels: cin, filters: cout, kernel } = layer;
  const out = new Float32Array(kernel.length);
  for (let o = 0; o < cout; o++) for (let j = 0; j < k; j++) for (let c = 0; c < cin; c++) out[(o * k + j) * cin + c] = kernel[(j * cin + c) * cout + o]!;
  return out;
}

/** `[rows, cols]` → `[cols, rows]`. */
function transpose(m: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(m.length);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = m[r * cols + c]!;
  return out;
}

/** Little-endian bytes of a typed array (copied). */
function bytes(a: Float32Array | Int32Array | Int8Array): Uint8Array {
  return new Uint8Array(a.buffer.slice(a.byteOffset, a.byteOffset + a.byteLength));
}

class GraphBuilder {
  readonly tensors: TfliteTensor[] = [];
  readonly operators: TfliteOperator[] = [];
  readonly inputs: number[] = [];
  readonly outputs: number[] = [];
  tensor(t: TfliteTensor): number {
    return this.tensors.push(t) - 1;
  }
  op(o: TfliteOperator): void {
    this.operators.push(o);
  }
  shapeOf(t: number): readonly number[] {
    return this.tensors[t]!.shape;
  }
  done(): Omit<TfliteGraph, 'description' | 'name'> {
    return { tensors: this.tensors, operators: this.operators, inputs: this.inputs, outputs: this.outputs };
  }
}
