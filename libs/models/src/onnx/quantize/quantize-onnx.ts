/**
 * @module int8 static post-training quantisation of a painkd fp32 ONNX model into QDQ format
 * (QuantizeLinear/DequantizeLinear pairs around float ops, which ONNX Runtime fuses into
 * QLinearConv, QGemm, int8 MaxPool, …). S8S8: int8 activations and int8 weights.
 *
 * Choices (made for what ORT fuses, and for accuracy):
 * - weights symmetric per output channel (axis 0 of Conv `W [out, in, k]`, the output axis of
 *   Gemm `B`), restricted to [−127, 127];
 * - bias int32 with scale `inputScale·weightScale_c` and zero point 0, behind a DequantizeLinear:
 *   the form ORT's QDQ selectors require to fuse Conv/Gemm into QLinearConv/QGemm;
 * - activations asymmetric per tensor: a ReLU output then spans all 256 levels, and a ReLU that
 *   follows a Conv/Gemm is removed and folded into the Q of its producer (quantising with the ReLU
 *   output's range, zero point −128, clamps negatives to exactly 0);
 * - data-movement ops (Transpose, MaxPool, Flatten, Reshape, Identity) reuse their input's
 *   parameters so ORT can run them directly on int8;
 * - a graph output produced by Conv/Gemm (the logits) stays float: QGemm writes float directly,
 *   and no precision is lost on the scores.
 * Never emits ConvInteger/MatMulInteger (not implemented by every runtime).
 */
import { OnnxError } from '../onnx-error.js';
import { decodeModel, encodeModel, getAttribute, node, tensor, tensorDims, tensorValues, toNumber, type NodeProto, type TensorProto } from '../onnx-proto.js';
import { calibrateRanges, type CalibrateOptions, type CalibrationMethod, type TensorRange } from './calibrate.js';
import { activationQParams, quantizeBias, quantizePerChannel, type ActivationQParams } from './quant-params.js';

/** Options of {@link quantizeOnnx}: how activations are calibrated. */
export type QuantizeOnnxOptions = CalibrateOptions;

/** What was quantised and how: goes into the artifact manifest. */
export interface QuantizationSummary {
  readonly format: 'QDQ';
  readonly weights: 'int8-symmetric-per-channel';
  readonly activations: 'int8-asymmetric-per-tensor';
  readonly bias: 'int32';
  readonly opset: number;
  readonly calibration: { readonly method: CalibrationMethod; readonly percentile?: number; readonly windows: number };
  /** Conv/Gemm nodes whose weights were quantised. */
  readonly quantizedNodes: readonly string[];
  /** ReLUs folded into the quantisation of their producer. */
  readonly foldedRelus: number;
  /** Calibrated range and int8 parameters of every quantised activation tensor. */
  readonly tensors: Readonly<Record<string, TensorRange & ActivationQParams>>;
}

const MOVE_OPS = new Set(['Transpose', 'MaxPool', 'Flatten', 'Reshape', 'Identity']);
const CALIBRATED_OPS = new Set(['Relu', 'AveragePool', 'GlobalAveragePool', 'BatchNormalization']);
const FLOAT_OPS = new Set(['Softmax']);

type Plan = { readonly kind: 'calibrated' } | { readonly kind: 'inherit'; readonly from: string };

/**
 * Quantises an fp32 model (as written by {@link exportOnnx}) with activation ranges calibrated on
 * `calibration` windows (each `length × channels` values, channels-last).
 *
 * @example
 * ```ts
 * const { model, summary } = await quantizeOnnx(fp32Bytes, trainingWindows.slice(0, 512), { method: 'percentile', percentile: 99.99 });
 * await writeFile('student.int8.onnx', model);
 * ```
 */
export async function quantizeOnnx(
  model: Uint8Array,
  calibration: readonly Float32Array[],
  options: QuantizeOnnxOptions = {},
): Promise<{ model: Uint8Array; summary: QuantizationSummary }> {
  const m = decodeModel(model);
  const g = m.graph;
  const opset = toNumber((m.opsetImport ?? []).find((o) => !o.domain)?.version);
  if (!g || opset < 13) throw new OnnxError('QUANT_UNSUPPORTED_GRAPH', `per-channel QDQ needs opset ≥ 13, the model has ${opset}`);
  const nodes = g.node ?? [];
  const initializers = new Map((g.initializer ?? []).map((t) => [t.name ?? '', t]));
  const graphOutputs = new Set((g.output ?? []).map((o) => o.name ?? ''));
  const graphInputs = (g.input ?? []).map((i) => i.name ?? '').filter((n) => !initializers.has(n));
  const consumers = new Map<string, NodeProto[]>();
  for (const n of nodes) for (const i of n.input ?? []) consumers.set(i, [...(consumers.get(i) ?? []), n]);

  const plan = new Map<string, Plan>(graphInputs.map((i) => [i, { kind: 'calibrated' }]));
  const removedRelus = new Set<NodeProto>();
  const outputOf = new Map<NodeProto, string>();
  for (const n of nodes) {
    const op = n.opType ?? '';
    const x = n.input?.[0] ?? '';
    const y = n.output?.[0] ?? '';
    if (op === 'Conv' || op === 'Gemm') {
      if (!plan.has(x)) throw new OnnxError('QUANT_UNSUPPORTED_GRAPH', `${op} ${n.name} reads ${x}, which is not quantised`);
      const next = consumers.get(y) ?? [];
      if (!graphOutputs.has(y) && next.length === 1 && next[0]!.opType === 'Relu') {
        removedRelus.add(next[0]!);
        const z = next[0]!.output?.[0] ?? '';
        outputOf.set(n, z);
        plan.set(z, { kind: 'calibrated' });
      } else {
        outputOf.set(n, y);
        if (!graphOutputs.has(y)) plan.set(y, { kind: 'calibrated' });
      }
    } else if (removedRelus.has(n) || FLOAT_OPS.has(op)) {
      continue;
    } else if (MOVE_OPS.has(op)) {
      if (plan.has(x)) plan.set(y, { kind: 'inherit', from: x });
    } else if (CALIBRATED_OPS.has(op)) {
      if (plan.has(x)) plan.set(y, { kind: 'calibrated' });
    } else {
      throw new OnnxError('QUANT_UNSUPPORTED_GRAPH', `cannot quantise ${op} node ${n.name}`);
    }
  }

  const calibrated = [...plan].filter(([, p]) => p.kind === 'calibrated').map(([t]) => t);
  const ranges = await calibrateRanges(model, calibrated, calibration, options);
  const params = new Map<string, ActivationQParams>();
  const resolve = (t: string): ActivationQParams => {
    const known = params.get(t);
    if (known) return known;
    const p = plan.get(t)!;
    const r = ranges.get(t);
    const q = p.kind === 'inherit' ? resolve(p.from) : activationQParams(r!.min, r!.max);
    params.set(t, q);
    return q;
  };
  for (const t of plan.keys()) resolve(t);

  const newNodes: NodeProto[] = [];
  const newInits: TensorProto[] = [];
  const replaced = new Set<string>();
  const rename = new Map<string, string>();
  const qdq = (floatName: string, outName: string, t: string): void => {
    const q = params.get(t)!;
    newInits.push(tensor(`${t}__scale`, [], Float32Array.of(q.scale)), tensor(`${t}__zp`, [], Int8Array.of(q.zeroPoint)));
    newNodes.push(node('QuantizeLinear', [floatName, `${t}__scale`, `${t}__zp`], [`${t}__q`], `${t}__quantize`));
    newNodes.push(node('DequantizeLinear', [`${t}__q`, `${t}__scale`, `${t}__zp`], [outName], `${t}__dequantize`));
  };
  for (const i of graphInputs) {
    qdq(i, `${i}__dq`, i);
    rename.set(i, `${i}__dq`);
  }
  const quantizedNodes: string[] = [];
  for (const n of nodes) {
    if (removedRelus.has(n)) continue;
    const op = n.opType ?? '';
    const inputs = (n.input ?? []).map((i) => rename.get(i) ?? i);
    let out = n.output?.[0] ?? '';
    if (op === 'Conv' || op === 'Gemm') {
      quantizedNodes.push(n.name ?? '');
      const axis = op === 'Conv' || getAttribute(n, 'transB') === 1 ? 0 : 1;
      const w = quantizeWeight(initializers, n.input?.[1] ?? '', axis, (consumers.get(n.input?.[1] ?? '') ?? []).length);
      newInits.push(...w.initializers);
      newNodes.push(w.dequantize);
      replaced.add(n.input?.[1] ?? '');
      const biasName = n.input?.[2];
      if (biasName) {
        const b = initializers.get(biasName);
        if (!b) throw new OnnxError('QUANT_UNSUPPORTED_GRAPH', `bias ${biasName} of ${n.name} is not an initializer`);
        const qb = quantizeBias(tensorValues(b), params.get(n.input?.[0] ?? '')!.scale, w.scales);
        newInits.push(tensor(`${biasName}__q`, [qb.values.length], qb.values), tensor(`${biasName}__scale`, [qb.scales.length], qb.scales), tensor(`${biasName}__zp`, [qb.scales.length], new Int32Array(qb.scales.length)));
        newNodes.push(node('DequantizeLinear', [`${biasName}__q`, `${biasName}__scale`, `${biasName}__zp`], [biasName], `${biasName}__dequantize`, { axis: 0 }));
        replaced.add(biasName);
      }
      out = outputOf.get(n)!;
    }
    const quantizeOut = plan.has(out);
    newNodes.push({ ...n, input: inputs, output: [quantizeOut ? `${out}__f` : out, ...(n.output ?? []).slice(1)] });
    if (quantizeOut) qdq(`${out}__f`, out, out);
  }
  for (const [name, t] of initializers) if (!replaced.has(name)) newInits.push(t);
  g.node = newNodes;
  g.initializer = newInits;
  g.valueInfo = [];
  m.metadataProps = [...(m.metadataProps ?? []), { key: 'painkd.quantization', value: 'QDQ int8 S8S8, per-channel symmetric weights, asymmetric activations' }];

  const method = options.method ?? 'percentile';
  const tensors: Record<string, TensorRange & ActivationQParams> = {};
  for (const t of plan.keys()) {
    const r = ranges.get(t) ?? ranges.get(rootOf(plan, t))!;
    tensors[t] = { ...r, ...params.get(t)! };
  }
  return {
    model: encodeModel(m),
    summary: {
      format: 'QDQ',
      weights: 'int8-symmetric-per-channel',
      activations: 'int8-asymmetric-per-tensor',
      bias: 'int32',
      opset,
      calibration: { method, ...(method === 'percentile' ? { percentile: options.percentile ?? 99.99 } : {}), windows: calibration.length },
      quantizedNodes,
      foldedRelus: removedRelus.size,
      tensors,
    },
  };
}

function rootOf(plan: Map<string, Plan>, t: string): string {
  const p = plan.get(t)!;
  return p.kind === 'inherit' ? rootOf(plan, p.from) : t;
}

function quantizeWeight(
  initializers: Map<string, TensorProto>,
  name: string,
  axis: number,
  uses: number,
): { initializers: TensorProto[]; dequantize: NodeProto; scales: Float32Array } {
  const w = initializers.get(name);
  if (!w || uses !== 1) throw new OnnxError('QUANT_UNSUPPORTED_GRAPH', `weight ${name} must be an initializer used by one node`);
  const dims = tensorDims(w);
  const { values, scales } = quantizePerChannel(tensorValues(w), dims, axis);
  return {
    initializers: [tensor(`${name}__q`, dims, values), tensor(`${name}__scale`, [scales.length], scales), tensor(`${name}__zp`, [scales.length], new Int8Array(scales.length))],
    dequantize: node('DequantizeLinear', [`${name}__q`, `${name}__scale`, `${name}__zp`], [name], `${name}__dequantize`, { axis }),
    scales,
  };
}
