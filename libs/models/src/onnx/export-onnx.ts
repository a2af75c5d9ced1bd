/**
 * @module The ONNX exporter: turns a {@link NetSpec} and its {@link NetWeights} into an ONNX model
 * (opset ≥ 13, written with `onnx-proto`). The model takes `input` `[batch, length, channels]`
 * float32 (channels-last, like tfjs) with a dynamic batch, transposes it to `[batch, channels,
 * length]` once, and runs Conv / Relu / MaxPool / AveragePool / GlobalAveragePool / Gemm on it.
 * Batch norms that follow a conv or dense layer are folded into it; any other batch norm becomes a
 * `BatchNormalization` node; dropout is dropped (inference).
 */
import type { LayerSpec, NetSpec, NetWeights, WeightTensor } from '../nets/net-spec.js';
import { foldBatchNorm, type BatchNormParams } from './fold-batch-norm.js';
import { OnnxError } from './onnx-error.js';
import { encodeModel, floatValueInfo, node, tensor, type NodeProto, type TensorProto } from './onnx-proto.js';
import { PAINKD_VERSION } from './painkd-version.js';

/** Outputs the exported graph can expose. */
export type ExportOutput = 'logits' | 'hidden' | 'probabilities';

/** Options of {@link exportOnnx}. */
export interface ExportOnnxOptions {
  /** ONNX opset of the default domain; at least 13 (per-axis QDQ). Default 17. */
  readonly opset?: number;
  /** Graph outputs, in order. Default `['logits']`. */
  readonly outputs?: readonly ExportOutput[];
  /** Extra `metadata_props` entries (added after the painkd ones). */
  readonly metadata?: Readonly<Record<string, string>>;
}

type State = { rank: 3; channels: number; length: number } | { rank: 2; units: number };

interface Emitter {
  readonly nodes: NodeProto[];
  readonly initializers: TensorProto[];
}

/**
 * Exports a net to ONNX bytes.
 *
 * @example
 * ```ts
 * const bytes = exportOnnx(spec, net.getWeights(), { outputs: ['logits', 'hidden'] });
 * await writeFile('student.fp32.onnx', bytes);
 * ```
 */
export function exportOnnx(spec: NetSpec, weights: NetWeights, options: ExportOnnxOptions = {}): Uint8Array {
  const opset = options.opset ?? 17;
  if (!Number.isInteger(opset) || opset < 13) throw new OnnxError('ONNX_BAD_OPTIONS', `opset must be an integer ≥ 13, got ${opset}`);
  const outputs = options.outputs ?? ['logits'];
  if (outputs.length === 0 || new Set(outputs).size !== outputs.length) {
    throw new OnnxError('ONNX_BAD_OPTIONS', `outputs must be a non-empty list without repeats, got [${outputs.join(', ')}]`);
  }
  const layers = spec.layers.filter((l) => l.kind !== 'dropout');
  const last = layers.at(-1);
  if (!last || last.kind !== 'dense' || last.units !== spec.classes) {
    throw new OnnxError('ONNX_UNSUPPORTED_LAYER', `the last layer must be a dense layer with ${spec.classes} units`);
  }
  const out: Emitter = { nodes: [], initializers: [] };
  out.nodes.push(node('Transpose', ['input'], ['input_ncl'], 'input_to_ncl', { perm: [0, 2, 1] }));
  let current = 'input_ncl';
  let state: State = { rank: 3, channels: spec.input.channels, length: spec.input.length };
  let hidden = '';
  for (let i = 0; i < layers.length; i++) {
    const layer = layers[i]!;
    const next = layers[i + 1];
    const foldNext = next?.kind === 'batchNorm' && (layer.kind === 'conv1d' || layer.kind === 'dense');
    const bn = foldNext ? batchNormParams(next, weights) : null;
    if (i === layers.length - 1) hidden = current;
    ({ current, state } = emitLayer(out, layer, current, state, weights, bn));
    if (foldNext) i++;
  }
  renameTensor(out.nodes, current, 'logits');
  const graphOutputs = [floatValueInfo('logits', ['batch', spec.classes])];
  for (const name of outputs) {
    if (name === 'hidden') {
      renameTensor(out.nodes, hidden, 'hidden');
      graphOutputs.push(floatValueInfo('hidden', null));
    } else if (name === 'probabilities') {
      out.nodes.push(node('Softmax', ['logits'], ['probabilities'], 'probabilities', { axis: 1 }));
      graphOutputs.push(floatValueInfo('probabilities', ['batch', spec.classes]));
    }
  }
  const ordered = outputs.map((name) => graphOutputs.find((g) => g.name === name)!);
  return encodeModel({
    irVersion: 8,
    producerName: 'painkd',
    producerVersion: PAINKD_VERSION,
    domain: 'org.painkd',
    modelVersion: 1,
    docString: `painkd ${spec.arch}`,
    opsetImport: [{ domain: '', version: opset }],
    metadataProps: Object.entries({
      'painkd.arch': spec.arch,
      'painkd.config': JSON.stringify(spec.config),
      'painkd.input': JSON.stringify({ ...spec.input, layout: 'NLC' }),
      'painkd.classes': String(spec.classes),
      'painkd.version': PAINKD_VERSION,
      ...options.metadata,
    }).map(([key, value]) => ({ key, value })),
    graph: {
      name: spec.arch,
      node: out.nodes,
      initializer: out.initializers,
      input: [floatValueInfo('input', ['batch', spec.input.length, spec.input.channels])],
      output: ordered,
    },
  });
}

function emitLayer(
  out: Emitter,
  layer: LayerSpec,
  input: string,
  state: State,
  weights: NetWeights,
  bn: BatchNormParams | null,
): { current: string; state: State } {
  const name = layer.name;
  const output = `${name}_out`;
  switch (layer.kind) {
    case 'conv1d': {
      const s = expectRank3(state, layer);
      const kernel = weight(weights, `${name}/kernel`, [layer.kernelSize, s.channels, layer.filters]);
      const bias = layer.useBias ? weight(weights, `${name}/bias`, [layer.filters]).data : null;
      const folded = bn ? foldBatchNorm(kernel.data, bias, bn) : { kernel: kernel.data, bias };
      out.initializers.push(tensor(`${name}/W`, [layer.filters, s.channels, layer.kernelSize], kwioToOik(folded.kernel, layer.kernelSize, s.channels, layer.filters)));
      const inputs = [input, `${name}/W`];
      if (folded.bias) {
        out.initializers.push(tensor(`${name}/B`, [layer.filters], folded.bias));
        inputs.push(`${name}/B`);
      }
      const { pads, length } = convGeometry(s.length, layer.kernelSize, layer.stride, layer.padding);
      out.nodes.push(node('Conv', inputs, [output], name, { kernel_shape: [layer.kernelSize], strides: [layer.stride], pads, dilations: [1], group: 1 }));
      return { current: output, state: { rank: 3, channels: layer.filters, length } };
    }
    case 'dense': {
      if (state.rank !== 2) throw new OnnxError('ONNX_BAD_SHAPE', `dense layer ${name} needs a flat input; add flatten or globalAvgPool1d before it`);
      const kernel = weight(weights, `${name}/kernel`, [state.units, layer.units]);
      const bias = layer.useBias ? weight(weights, `${name}/bias`, [layer.units]).data : null;
      const folded = bn ? foldBatchNorm(kernel.data, bias, bn) : { kernel: kernel.data, bias };
      out.initializers.push(tensor(`${name}/W`, [state.units, layer.units], folded.kernel));
      out.initializers.push(tensor(`${name}/B`, [layer.units], folded.bias ?? new Float32Array(layer.units)));
      out.nodes.push(node('Gemm', [input, `${name}/W`, `${name}/B`], [output], name, { alpha: { float: 1 }, beta: { float: 1 }, transA: 0, transB: 0 }));
      return { current: output, state: { rank: 2, units: layer.units } };
    }
    case 'batchNorm': {
      const p = batchNormParams(layer, weights);
      const channels = state.rank === 3 ? state.channels : state.units;
      if (p.gamma.length !== channels) throw new OnnxError('ONNX_BAD_SHAPE', `batch norm ${name} has ${p.gamma.length} channels, input has ${channels}`);
      out.initializers.push(
        tensor(`${name}/scale`, [channels], p.gamma),
        tensor(`${name}/bias`, [channels], p.beta),
        tensor(`${name}/mean`, [channels], p.movingMean),
        tensor(`${name}/var`, [channels], p.movingVariance),
      );
      out.nodes.push(node('BatchNormalization', [input, `${name}/scale`, `${name}/bias`, `${name}/mean`, `${name}/var`], [output], name, { epsilon: { float: p.epsilon } }));
      return { current: output, state };
    }
    case 'relu':
      out.nodes.push(node('Relu', [input], [output], name));
      return { current: output, state };
    case 'maxPool1d':
    case 'avgPool1d': {
      const s = expectRank3(state, layer);
      const length = Math.floor((s.length - layer.poolSize) / layer.stride) + 1;
      if (length < 1) throw new OnnxError('ONNX_BAD_SHAPE', `pool ${name} of size ${layer.poolSize} does not fit length ${s.length}`);
      const op = layer.kind === 'maxPool1d' ? 'MaxPool' : 'AveragePool';
      out.nodes.push(node(op, [input], [output], name, { kernel_shape: [layer.poolSize], strides: [layer.stride], pads: [0, 0] }));
      return { current: output, state: { rank: 3, channels: s.channels, length } };
    }
    case 'globalAvgPool1d': {
      const s = expectRank3(state, layer);
      out.nodes.push(node('GlobalAveragePool', [input], [`${name}_pooled`], name));
      out.nodes.push(node('Flatten', [`${name}_pooled`], [output], `${name}_flatten`, { axis: 1 }));
      return { current: output, state: { rank: 2, units: s.channels } };
    }
    case 'flatten': {
      if (state.rank === 2) return { current: input, state };
      out.nodes.push(node('Transpose', [input], [`${name}_nlc`], `${name}_to_nlc`, { perm: [0, 2, 1] }));
      out.nodes.push(node('Flatten', [`${name}_nlc`], [output], name, { axis: 1 }));
      return { current: output, state: { rank: 2, units: state.channels * state.length } };
    }
    case 'dropout':
      return { current: input, state };
  }
}

/** Renames a tensor produced and consumed inside the graph, so graph outputs come straight from their producer. */
function renameTensor(nodes: NodeProto[], from: string, to: string): void {
  for (const n of nodes) {
    n.input = (n.input ?? []).map((x) => (x === from ? to : x));
    n.output = (n.output ?? []).map((x) => (x === from ? to : x));
  }
}

function expectRank3(state: State, layer: LayerSpec): { channels: number; length: number } {
  if (state.rank !== 3) throw new OnnxError('ONNX_BAD_SHAPE', `${layer.kind} layer ${layer.name} needs a [batch, length, channels] input`);
  return state;
}

/** tfjs 'same' / 'valid' padding of a 1-D conv as explicit ONNX pads (extra padding goes at the end, as in TensorFlow). */
function convGeometry(length: number, kernel: number, stride: number, padding: 'same' | 'valid'): { pads: number[]; length: number } {
  if (padding === 'valid') {
    const outLength = Math.floor((length - kernel) / stride) + 1;
    if (outLength < 1) throw new OnnxError('ONNX_BAD_SHAPE', `kernel ${kernel} does not fit length ${length}`);
    return { pads: [0, 0], length: outLength };
  }
  const outLength = Math.ceil(length / stride);
  const total = Math.max((outLength - 1) * stride + kernel - length, 0);
  const begin = Math.floor(total / 2);
  return { pads: [begin, total - begin], length: outLength };
}

function kwioToOik(kernel: Float32Array, k: number, inC: number, outC: number): Float32Array {
  const w = new Float32Array(kernel.length);
  for (let j = 0; j < k; j++) {
    for (let i = 0; i < inC; i++) {
      for (let o = 0; o < outC; o++) w[(o * inC + i) * k + j] = kernel[(j * inC + i) * outC + o]!;
    }
  }
  return w;
}

function batchNormParams(layer: LayerSpec, weights: NetWeights): BatchNormParams {
  if (layer.kind !== 'batchNorm') throw new OnnxError('ONNX_UNSUPPORTED_LAYER', `${layer.name} is not a batch norm`);
  const gamma = weight(weights, `${layer.name}/gamma`, null);
  const channels = [gamma.data.length];
  return {
    gamma: gamma.data,
    beta: weight(weights, `${layer.name}/beta`, channels).data,
    movingMean: weight(weights, `${layer.name}/movingMean`, channels).data,
    movingVariance: weight(weights, `${layer.name}/movingVariance`, channels).data,
    epsilon: layer.epsilon,
  };
}

function weight(weights: NetWeights, key: string, shape: readonly number[] | null): WeightTensor {
  const w = weights.get(key);
  if (!w) throw new OnnxError('ONNX_MISSING_WEIGHT', `missing weight ${key}`);
  const count = w.shape.reduce((a, b) => a * b, 1);
  if (count !== w.data.length || (shape && (shape.length !== w.shape.length || shape.some((d, i) => d !== w.shape[i])))) {
    throw new OnnxError('ONNX_BAD_SHAPE', `weight ${key} has shape [${w.shape.join(', ')}] (${w.data.length} values), expected [${(shape ?? []).join(', ')}]`);
  }
  return w;
}
