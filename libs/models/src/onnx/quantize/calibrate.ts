/**
 * @module Activation-range calibration: runs the fp32 model in an ONNX runtime with the wanted
 * intermediate tensors exposed as extra outputs, over calibration windows, and reduces each tensor
 * to a range by MinMax or by percentile (two passes: exact min/max, then a 4,096-bin histogram).
 */
import { createInferenceSession, type RuntimeName } from '@painkd/runtime';
import { OnnxError } from '../onnx-error.js';
import { decodeModel, encodeModel, floatValueInfo } from '../onnx-proto.js';

/** How activation ranges are reduced from calibration data. */
export type CalibrationMethod = 'minmax' | 'percentile';

/** Options of {@link calibrateRanges}. */
export interface CalibrateOptions {
  readonly method?: CalibrationMethod;
  /** Percentile kept at each tail for `percentile` (default 99.99: clip the top and bottom 0.01 %). */
  readonly percentile?: number;
  /** Windows per inference call (default 64). */
  readonly batchSize?: number;
  /** Runtime used for calibration (default `auto`: onnxruntime-node, else web). */
  readonly runtime?: RuntimeName | 'auto';
}

/** A real-valued range of one tensor. */
export interface TensorRange {
  readonly min: number;
  readonly max: number;
}

const BINS = 4096;

/**
 * Computes the range of each named float tensor of a model over calibration windows.
 *
 * @example
 * ```ts
 * const ranges = await calibrateRanges(fp32Bytes, ['input', 'conv1_out'], windows, { method: 'percentile' });
 * ```
 */
export async function calibrateRanges(
  model: Uint8Array,
  tensors: readonly string[],
  windows: readonly Float32Array[],
  options: CalibrateOptions = {},
): Promise<Map<string, TensorRange>> {
  if (windows.length === 0) throw new OnnxError('QUANT_NO_CALIBRATION', 'calibration needs at least one window');
  const method = options.method ?? 'percentile';
  const percentile = options.percentile ?? 99.99;
  if (method === 'percentile' && !(percentile > 50 && percentile <= 100)) throw new OnnxError('ONNX_BAD_OPTIONS', `percentile must be in (50, 100], got ${percentile}`);
  const exposed = exposeTensors(model, tensors);
  const session = await createInferenceSession(exposed.bytes, { runtime: options.runtime ?? 'auto' });
  const windowSize = windows[0]!.length;
  const batchSize = options.batchSize ?? 64;
  const forEachBatch = async (visit: (name: string, values: Float32Array) => void): Promise<void> => {
    for (let start = 0; start < windows.length; start += batchSize) {
      const batch = Math.min(batchSize, windows.length - start);
      const packed = new Float32Array(batch * windowSize);
      for (let b = 0; b < batch; b++) {
        const w = windows[start + b]!;
        if (w.length !== windowSize) throw new OnnxError('QUANT_NO_CALIBRATION', `calibration window ${start + b} has ${w.length} values, expected ${windowSize}`);
        packed.set(w, b * windowSize);
      }
      const outputs = await session.run(packed, batch);
      for (const name of tensors) visit(name, exposed.inputs.has(name) ? packed : outputs[name]!);
    }
  };
  try {
    const lo = new Map(tensors.map((t) => [t, Infinity]));
    const hi = new Map(tensors.map((t) => [t, -Infinity]));
    await forEachBatch((name, values) => {
      let mn = lo.get(name)!;
      let mx = hi.get(name)!;
      for (let i = 0; i < values.length; i++) {
        const v = values[i]!;
        if (v < mn) mn = v;
        if (v > mx) mx = v;
      }
      lo.set(name, mn);
      hi.set(name, mx);
    });
    if (method === 'minmax' || percentile === 100) return new Map(tensors.map((t) => [t, { min: lo.get(t)!, max: hi.get(t)! }]));
    const histograms = new Map(tensors.map((t) => [t, new Float64Array(BINS)]));
    await forEachBatch((name, values) => {
      const h = histograms.get(name)!;
      const mn = lo.get(name)!;
      const width = (hi.get(name)! - mn) / BINS || 1;
      for (let i = 0; i < values.length; i++) h[Math.min(BINS - 1, Math.floor((values[i]! - mn) / width))]!++;
    });
    const ranges = new Map<string, TensorRange>();
    for (const t of tensors) {
      const h = histograms.get(t)!;
      const mn = lo.get(t)!;
      const width = (hi.get(t)! - mn) / BINS;
      const total = h.reduce((a, b) => a + b, 0);
      const tail = total * (1 - percentile / 100);
      let acc = 0;
      let lower = 0;
      while (lower < BINS - 1 && acc + h[lower]! <= tail) acc += h[lower++]!;
      acc = 0;
      let upper = BINS - 1;
      while (upper > lower && acc + h[upper]! <= tail) acc += h[upper--]!;
      ranges.set(t, { min: lower === 0 ? mn : mn + lower * width, max: upper === BINS - 1 ? hi.get(t)! : mn + (upper + 1) * width });
    }
    return ranges;
  } finally {
    await session.dispose();
  }
}

/** A copy of the model with extra float graph outputs for the named tensors (graph inputs excluded). */
function exposeTensors(model: Uint8Array, tensors: readonly string[]): { bytes: Uint8Array; inputs: Set<string> } {
  const m = decodeModel(model);
  const graph = m.graph!;
  const inputs = new Set((graph.input ?? []).map((i) => i.name ?? ''));
  const existing = new Set((graph.output ?? []).map((o) => o.name));
  graph.output = [...(graph.output ?? []), ...tensors.filter((t) => !inputs.has(t) && !existing.has(t)).map((t) => floatValueInfo(t, null))];
  return { bytes: encodeModel(m), inputs: inputs };
}
