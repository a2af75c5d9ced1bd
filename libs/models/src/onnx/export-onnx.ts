/**
 * @module The ONNX exporter: turns a {@link NetSpec} and its {@link NetWeights} into an ONNX model
 * (opset ≥ 13, written with `onnx-proto`). The model takes `input` `[batch, length, channels]`
 * float32 (channels-last, like tfjs) with a dynamic batch, transposes it to `[batch, channels,
 * length]` once, and runs Conv / Relu / MaxPool / AveragePool / GlobalAveragePool / Gemm on it.
 * Batch norms that follow a conv or dense layer are folded into it; any other batch norm becomes a
 * `BatchNormalization` node; dropout is dropped (inference).
 */
import { foldNet, type FoldedLayer, type FoldedNet } from '../export/folded-net.js';
import { NetError, type NetErrorCode } from '../nets/net-error.js';
import type { NetSpec, NetWeights } from '../nets/net-spec.js';
import { OnnxError, type OnnxErrorCode } from './onnx-error.js';
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
  const folded = foldOrThrow(spec, weights);
  const out: Emitter = { nodes: [], initializers: [] };
  out.nodes.push(node('Transpose', ['input'], ['input_ncl'], 'input_to_ncl', { perm: [0, 2, 1] }));
  let current = 'input_ncl';
  let hidden = '';
  folded.layers.forEach((layer, i) => {
    if (i === folded.logitsIndex) hidden = current;
    current = emitLayer(out, layer, current);
  });
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

/** How a {@link NetError} from folding surfaces from the ONNX exporter. */
const NET_TO_ONNX: Partial<Record<NetErrorCode, OnnxErrorCode>> = { NET_BAD_SPEC: 'ONNX_BAD_SHAPE', NET_BAD_WEIGHTS: 'ONNX_MISSING_WEIGHT' };

function foldOrThrow(spec: NetSpec, weights: NetWeights): FoldedNet {
  try {
    return foldNet(spec, weights);
  } catch (error) {
    const code = error instanceof NetError ? NET_TO_ONNX[error.code] : undefined;
    if (code) throw new OnnxError(code, error instanceof Error ? error.message : String(error), { cause: error });
    throw error;
  }
}

function emitLayer(out: Emitter, layer: FoldedLayer, input: string): string {
  const name = layer.name;
  const output = `${name}_out`;
  switch (layer.kind) {
    case 'conv1d': {
      out.initializers.push(tensor(`${name}/W`, [layer.filters, layer.inChannels, layer.kernelSize], kwioToOik(layer.kernel, layer.kernelSize, layer.inChannels, layer.filters)));
      const inputs = [input, `${name}/W`];
      if (layer.bias) {
        out.initializers.push(tensor(`${name}/B`, [layer.filters], layer.bias));
        inputs.push(`${name}/B`);
      }
      out.nodes.push(node('Conv', inputs, [output], name, { kernel_shape: [layer.kernelSize], strides: [layer.stride], pads: [...layer.pads], dilations: [1], group: 1 }));
      return output;
    }
    case 'dense':
      out.initializers.push(tensor(`${name}/W`, [layer.inUnits, layer.units], layer.kernel));
      out.initializers.push(tensor(`${name}/B`, [layer.units], layer.bias ?? new Float32Array(layer.units)));
      out.nodes.push(node('Gemm', [input, `${name}/W`, `${name}/B`], [output], name, { alpha: { float: 1 }, beta: { float: 1 }, transA: 0, transB: 0 }));
      return output;
    case 'batchNorm': {
      const p = layer.params;
      out.initializers.push(
        tensor(`${name}/scale`, [layer.channels], p.gamma),
        tensor(`${name}/bias`, [layer.channels], p.beta),
        tensor(`${name}/mean`, [layer.channels], p.movingMean),
        tensor(`${name}/var`, [layer.channels], p.movingVariance),
      );
      out.nodes.push(node('BatchNormalization', [input, `${name}/scale`, `${name}/bias`, `${name}/mean`, `${name}/var`], [output], name, { epsilon: { float: p.epsilon } }));
      return output;
    }
    case 'relu':
      out.nodes.push(node('Relu', [input], [output], name));
      return output;
    case 'maxPool1d':
    case 'avgPool1d':
      out.nodes.push(node(layer.kind === 'maxPool1d' ? 'MaxPool' : 'AveragePool', [input], [output], name, { kernel_shape: [layer.poolSize], strides: [layer.stride], pads: [0, 0] }));
      return output;
    case 'globalAvgPool1d':
      out.nodes.push(node('GlobalAveragePool', [input], [`${name}_pooled`], name));
      out.nodes.push(node('Flatten', [`${name}_pooled`], [output], `${name}_flatten`, { axis: 1 }));
      return output;
    case 'flatten':
      out.nodes.push(node('Transpose', [input], [`${name}_nlc`], `${name}_to_nlc`, { perm: [0, 2, 1] }));
      out.nodes.push(node('Flatten', [`${name}_nlc`], [output], name, { axis: 1 }));
      return output;
  }
}

/** Renames a tensor produced and consumed inside the graph, so graph outputs come straight from their producer. */
function renameTensor(nodes: NodeProto[], from: string, to: string): void {
  for (const n of nodes) {
    n.input = (n.input ?? []).map((x) => (x === from ? to : x));
    n.output = (n.output ?? []).map((x) => (x === from ? to : x));
  }
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
