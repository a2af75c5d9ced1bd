/**
 * @module An independent interpreter of the `.tflite` graphs painkd writes, in plain JavaScript
 * loops (no tfjs, no runtime): float32 graphs in float64 arithmetic, int8 graphs the way TFLite's
 * integer kernels define them (int32 accumulation of (q − zero point) products plus the int32
 * bias, requantised with the exact real multiplier, round to nearest, clamped; a fused ReLU clamps
 * at the output zero point). The tests hold the runtimes' int8 outputs to it within 2
 * quantisation steps (TFLite's fixed-point multipliers round slightly differently).
 */
import type { TfliteGraph, TfliteTensor } from '../tflite-graph.js';
import { TensorType } from '../tflite-schema.js';

interface Value {
  readonly data: Float64Array;
  readonly shape: readonly number[];
}

/**
 * Runs one window through a graph: float values for a float input, quantised integers for an int8
 * input. Returns the output tensor's values (integers for an int8 output).
 *
 * @example
 * ```ts
 * const logits = interpretTflite(readTflite(bytes), window);
 * ```
 */
export function interpretTflite(graph: TfliteGraph, input: ArrayLike<number>): Float64Array {
  const values = new Map<number, Value>();
  const get = (i: number): Value => {
    const v = values.get(i);
    if (v) return v;
    const t = graph.tensors[i]!;
    return { data: constant(t), shape: t.shape };
  };
  values.set(graph.inputs[0]!, { data: Float64Array.from(input), shape: graph.tensors[graph.inputs[0]!]!.shape });
  for (const op of graph.operators) {
    const x = get(op.inputs[0]!);
    const tx = graph.tensors[op.inputs[0]!]!;
    const ty = graph.tensors[op.outputs[0]!]!;
    const int8 = ty.type === TensorType.INT8;
    const requant = (real: number, relu: boolean): number => {
      if (!int8) return relu ? Math.max(0, real) : real;
      const { scale, zp } = params(ty);
      const q = Math.round(real / scale) + zp;
      return Math.min(127, Math.max(relu ? Math.max(zp, -128) : -128, q));
    };
    const real = (t: TfliteTensor, v: number, channel = 0): number => (t.type === TensorType.INT8 || t.type === TensorType.INT32) && t.quantization ? (v - (t.quantization.zeroPoint[channel] ?? t.quantization.zeroPoint[0]!)) * (t.quantization.scale[channel] ?? t.quantization.scale[0]!) : v;
    let out: Float64Array;
    switch (op.op) {
      case 'RESHAPE':
        out = x.data;
        break;
      case 'QUANTIZE':
        out = x.data.map((v) => requant(v, false));
        break;
      case 'DEQUANTIZE':
        out = x.data.map((v) => real(tx, v));
        break;
      case 'RELU':
        out = x.data.map((v) => requant(Math.max(0, real(tx, v)), false));
        break;
      case 'CONV_2D':
      case 'FULLY_CONNECTED': {
        const tw = graph.tensors[op.inputs[1]!]!;
        const tb = graph.tensors[op.inputs[2]!]!;
        const w = constant(tw);
        const b = constant(tb);
        const relu = op.options?.kind === 'conv2d' || op.options?.kind === 'fullyConnected' ? op.options.relu : false;
        const zx = tx.type === TensorType.INT8 ? params(tx).zp : 0;
        const outC = tw.shape[0]!;
        const dot = (o: number, terms: (add: (xv: number, wv: number) => void) => void): number => {
          let acc = b[o]!;
          terms((xv, wv) => (acc += (xv - zx) * wv));
          if (!int8) return acc;
          return acc * params(tx).scale * tw.quantization!.scale[o]!;
        };
        if (op.op === 'FULLY_CONNECTED') {
          const inUnits = tw.shape[1]!;
          out = new Float64Array(outC);
          for (let o = 0; o < outC; o++) out[o] = requant(dot(o, (add) => { for (let i = 0; i < inUnits; i++) add(x.data[i]!, w[o * inUnits + i]!); }), relu);
        } else {
          const [, , k, cin] = tw.shape as [number, number, number, number];
          const length = x.shape[2]!;
          const outLength = ty.shape[2]!;
          const stride = op.options?.kind === 'conv2d' ? op.options.strideW : 1;
          const padLeft = op.options?.kind === 'conv2d' && op.options.padding === 'SAME' ? Math.floor(Math.max((outLength - 1) * stride + k - length, 0) / 2) : 0;
          out = new Float64Array(outLength * outC);
          for (let p = 0; p < outLength; p++) {
            for (let o = 0; o < outC; o++) {
              out[p * outC + o] = requant(dot(o, (add) => {
                for (let j = 0; j < k; j++) {
                  const t = p * stride + j - padLeft;
                  if (t < 0 || t >= length) continue;
                  for (let c = 0; c < cin; c++) add(x.data[t * cin + c]!, w[(o * k + j) * cin + c]!);
                }
              }), relu);
            }
          }
        }
        break;
      }
      case 'MAX_POOL_2D':
      case 'AVERAGE_POOL_2D': {
        const o = op.options?.kind === 'pool2d' ? op.options : { filterW: 1, strideW: 1 };
        const channels = x.shape[3]!;
        const outLength = ty.shape[2]!;
        out = new Float64Array(outLength * channels);
        for (let p = 0; p < outLength; p++) {
          for (let c = 0; c < channels; c++) {
            let acc = op.op === 'MAX_POOL_2D' ? -Infinity : 0;
            for (let j = 0; j < o.filterW; j++) {
              const v = x.data[(p * o.strideW + j) * channels + c]!;
              acc = op.op === 'MAX_POOL_2D' ? Math.max(acc, v) : acc + v;
            }
            out[p * channels + c] = op.op === 'MAX_POOL_2D' ? acc : int8 ? Math.round(acc / o.filterW) : acc / o.filterW;
          }
        }
        break;
      }
      case 'MEAN': {
        const channels = x.shape[3]!;
        const length = x.shape[2]!;
        out = new Float64Array(channels);
        for (let c = 0; c < channels; c++) {
          let acc = 0;
          for (let t = 0; t < length; t++) acc += real(tx, x.data[t * channels + c]!);
          out[c] = requant(acc / length, false);
        }
        break;
      }
    }
    values.set(op.outputs[0]!, { data: out, shape: ty.shape });
  }
  return get(graph.outputs[0]!).data;
}

function params(t: TfliteTensor): { scale: number; zp: number } {
  return { scale: t.quantization!.scale[0]!, zp: t.quantization!.zeroPoint[0]! };
}

/** A constant tensor's values as stored (raw integers for int8/int32). */
function constant(t: TfliteTensor): Float64Array {
  const d = t.data!;
  const buffer = d.buffer.slice(d.byteOffset, d.byteOffset + d.byteLength);
  if (t.type === TensorType.FLOAT32) return Float64Array.from(new Float32Array(buffer));
  if (t.type === TensorType.INT32) return Float64Array.from(new Int32Array(buffer));
  return Float64Array.from(new Int8Array(buffer));
}
