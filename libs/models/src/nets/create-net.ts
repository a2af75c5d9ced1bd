/**
 * @module `createNet`: builds a trainable tfjs network from a {@link NetSpec} with its own
 * seeded variables (no tf.layers), so every op is one painkd controls — notably the conv1d whose
 * gradients run on wasm (see ops/conv1d.ts). Sequence activations travel as `[batch, 1, length,
 * channels]` views and conv kernels are stored as `[1, K, C, F]` (the same bytes as the spec's
 * `[K, C, F]`), so consecutive layers need no reshape; a ReLU right after a conv, batch-norm or
 * (non-logits) dense layer runs inside that layer's op, and in conv/batch-norm → ReLU → max-pool
 * the pool's gradient routes only to positive maxima so the layer before skips the ReLU mask. Training-mode batch-norm and global
 * average pooling use the pooling-based ops of ../ops, dense layers a gradient without transposed
 * matMuls, and max pooling a host-side gradient loop — all cheaper than tfjs's built-in
 * gradients on wasm.
 */
import * as tf from '@tensorflow/tfjs';
import { createRng, deriveSeed, type Rng } from '@painkd/signals';
import { batchNormTrain } from '../ops/batch-norm.js';
import { conv1dView } from '../ops/conv1d.js';
import { dense } from '../ops/dense.js';
import { globalAvgPool1dView } from '../ops/global-avg-pool1d.js';
import { hostMemory } from '../ops/host-view.js';
import { maxPool1dView } from '../ops/max-pool1d.js';
import { filled, glorotUniform, heNormal, initRng } from './init.js';
import { NetError } from './net-error.js';
import { inferShapes, type LayerShape } from './net-shapes.js';
import type { NetSpec, NetWeights, WeightTensor } from './net-spec.js';
import type { Net, NetOutput } from './net.js';

/** Options of {@link createNet}. */
export interface CreateNetOptions {
  /** Seed of the initial weights and of the dropout masks. */
  readonly seed: number;
}

type Step = (x: tf.Tensor, training: boolean) => tf.Tensor;

/** How a layer's op is specialised by its neighbours. */
interface StepContext {
  /** The next layer is a ReLU that this op applies itself (conv1d, batchNorm, dense). */
  readonly fuseRelu: boolean;
  /** A ReLU-aware max pool follows the fused ReLU: skip the ReLU mask in the gradient. */
  readonly reluMaskedDownstream: boolean;
  /** This max pool reads a ReLU output: route gradients to positive maxima only. */
  readonly afterRelu: boolean;
  readonly isLogits: boolean;
  readonly isFirst: boolean;
}

interface Param {
  readonly variable: tf.Variable;
  readonly trainable: boolean;
  /** Shape in the spec's conventions (may differ from the variable's view shape). */
  readonly shape: readonly number[];
}

class SpecNet implements Net {
  readonly paramCount: number;
  readonly hiddenSize: number;
  readonly trainableVariables: tf.Variable[];
  private readonly params = new Map<string, Param>();
  private readonly steps: Step[] = [];
  private readonly dropoutRng: Rng;
  private disposed = false;

  constructor(
    readonly spec: NetSpec,
    seed: number,
  ) {
    const shapes = inferShapes(spec);
    const rng = initRng(seed);
    this.dropoutRng = createRng(deriveSeed(seed, 0x64726f70));
    let afterRelu = false;
    for (let i = 0; i < shapes.length; i++) {
      const kind = shapes[i]!.layer.kind;
      const fuseRelu = (kind === 'dense' || kind === 'batchNorm' || kind === 'conv1d') && shapes[i + 1]?.layer.kind === 'relu' && i + 1 < shapes.length - 1;
      const reluMaskedDownstream = fuseRelu && kind !== 'dense' && shapes[i + 2]?.layer.kind === 'maxPool1d';
      this.steps.push(this.buildStep(shapes[i]!, rng, { fuseRelu, reluMaskedDownstream, afterRelu, isLogits: i === shapes.length - 1, isFirst: i === 0 }));
      afterRelu = reluMaskedDownstream;
      if (fuseRelu) i++;
    }
    this.trainableVariables = [...this.params.values()].filter((p) => p.trainable).map((p) => p.variable);
    this.paramCount = shapes.reduce((n, s) => n + s.trainable, 0);
    this.hiddenSize = shapes.at(-1)!.inShape[0];
  }

  private addParam(key: string, shape: number[], data: Float32Array, trainable: boolean, viewShape: number[] = shape): tf.Variable {
    const initial = tf.tensor(data, viewShape);
    const variable = tf.variable(initial, trainable);
    initial.dispose();
    this.params.set(key, { variable, trainable, shape });
    return variable;
  }

  private buildStep(s: LayerShape, rng: Rng, ctx: StepContext): Step {
    const { fuseRelu, isLogits, isFirst } = ctx;
    const layer = s.layer;
    switch (layer.kind) {
      case 'conv1d': {
        const channels = s.inShape[1]!;
        const fanIn = layer.kernelSize * channels;
        const shape = [layer.kernelSize, channels, layer.filters];
        const kernel = this.addParam(`${layer.name}/kernel`, shape, heNormal(rng, fanIn * layer.filters, fanIn), true, [1, ...shape]);
        const bias = layer.useBias ? this.addParam(`${layer.name}/bias`, [layer.filters], filled(layer.filters, 0), true) : undefined;
        const opts = { stride: layer.stride, padding: layer.padding, inputGrad: !isFirst, relu: fuseRelu, reluMaskedDownstream: ctx.reluMaskedDownstream };
        return (x) => conv1dView(x as tf.Tensor4D, kernel as tf.Tensor4D, opts, bias as tf.Tensor1D | undefined);
      }
      case 'batchNorm': {
        const channels = s.inShape.length === 2 ? s.inShape[1] : s.inShape[0];
        const gamma = this.addParam(`${layer.name}/gamma`, [channels], filled(channels, 1), true);
        const beta = this.addParam(`${layer.name}/beta`, [channels], filled(channels, 0), true);
        const movingMean = this.addParam(`${layer.name}/movingMean`, [channels], filled(channels, 0), false);
        const movingVariance = this.addParam(`${layer.name}/movingVariance`, [channels], filled(channels, 1), false);
        const opts = { epsilon: layer.epsilon, momentum: layer.momentum, movingMean, movingVariance, relu: fuseRelu, reluMaskedDownstream: ctx.reluMaskedDownstream };
        return (x, training) => {
          if (training) return batchNormTrain(x, gamma as tf.Tensor1D, beta as tf.Tensor1D, opts);
          const y = tf.batchNorm(x, movingMean, movingVariance, beta, gamma, layer.epsilon);
          return fuseRelu ? tf.relu(y) : y;
        };
      }
      case 'relu':
        return (x) => tf.relu(x);
      case 'maxPool1d':
        return (x) => maxPool1dView(x as tf.Tensor4D, layer.poolSize, layer.stride, { afterRelu: ctx.afterRelu });
      case 'avgPool1d':
        return (x) => tf.avgPool(x as tf.Tensor4D, [1, layer.poolSize], [1, layer.stride], 'valid');
      case 'globalAvgPool1d':
        return (x) => globalAvgPool1dView(x as tf.Tensor4D);
      case 'flatten':
        return (x) => (x.rank === 2 ? x : tf.reshape(x, [x.shape[0]!, -1]));
      case 'dropout': {
        const rate = layer.rate;
        return (x, training) => {
          if (!training || rate === 0) return x;
          const mask = new Float32Array(x.size);
          const keep = 1 / (1 - rate);
          for (let i = 0; i < mask.length; i++) mask[i] = this.dropoutRng.next() < rate ? 0 : keep;
          return tf.mul(x, tf.tensor(mask, x.shape));
        };
      }
      case 'dense': {
        const inUnits = s.inShape[0];
        const init = isLogits ? glorotUniform(rng, inUnits * layer.units, inUnits, layer.units) : heNormal(rng, inUnits * layer.units, inUnits);
        const kernel = this.addParam(`${layer.name}/kernel`, [inUnits, layer.units], init, true);
        const bias = layer.useBias ? this.addParam(`${layer.name}/bias`, [layer.units], filled(layer.units, 0), true) : undefined;
        return (x) => dense(x as tf.Tensor2D, kernel as tf.Tensor2D, bias as tf.Tensor1D | undefined, fuseRelu);
      }
    }
  }

  apply(x: tf.Tensor3D, training: boolean): NetOutput {
    this.assertLive();
    const { length, channels } = this.spec.input;
    if (x.rank !== 3 || x.shape[1] !== length || x.shape[2] !== channels) {
      throw new NetError('NET_BAD_INPUT', `expected input [batch, ${length}, ${channels}], got [${x.shape.join(', ')}]`);
    }
    let h: tf.Tensor = tf.reshape(x, [x.shape[0], 1, length, channels]);
    const last = this.steps.length - 1;
    for (let i = 0; i < last; i++) h = this.steps[i]!(h, training);
    const hidden = h as tf.Tensor2D;
    return { logits: this.steps[last]!(hidden, training) as tf.Tensor2D, hidden };
  }

  getWeights(): NetWeights {
    this.assertLive();
    if (!hostMemory()) throw new NetError('NET_SYNC_READ', `getWeights() reads synchronously, which the ${tf.getBackend()} backend cannot do: use readWeights()`);
    const out = new Map<string, WeightTensor>();
    for (const [key, p] of this.params) out.set(key, { shape: [...p.shape], data: (p.variable.dataSync() as Float32Array).slice() });
    return out;
  }

  async readWeights(): Promise<NetWeights> {
    this.assertLive();
    const entries = [...this.params];
    const values = await Promise.all(entries.map(([, p]) => p.variable.data()));
    return new Map(entries.map(([key, p], i): [string, WeightTensor] => [key, { shape: [...p.shape], data: Float32Array.from(values[i] as Float32Array) }]));
  }

  setWeights(weights: NetWeights): void {
    this.assertLive();
    for (const [key, p] of this.params) {
      const w = weights.get(key);
      if (!w) throw new NetError('NET_BAD_WEIGHTS', `missing weight "${key}"`);
      const expected = p.shape;
      if (w.shape.length !== expected.length || w.shape.some((d, i) => d !== expected[i]) || w.data.length !== p.variable.size) {
        throw new NetError('NET_BAD_WEIGHTS', `weight "${key}" has shape [${w.shape.join(', ')}], expected [${expected.join(', ')}]`);
      }
    }
    for (const key of weights.keys()) {
      if (!this.params.has(key)) throw new NetError('NET_BAD_WEIGHTS', `unexpected weight "${key}"`);
    }
    for (const [key, p] of this.params) {
      const w = weights.get(key)!;
      tf.tidy(() => p.variable.assign(tf.tensor(w.data, p.variable.shape)));
    }
  }

  dispose(): void {
    if (this.disposed) return;
    for (const p of this.params.values()) p.variable.dispose();
    this.disposed = true;
  }

  private assertLive(): void {
    if (this.disposed) throw new NetError('NET_DISPOSED', 'the net was disposed');
  }
}

/**
 * Builds a trainable network from a spec, with He-normal kernels (Glorot-uniform for the logits
 * layer), zero biases, BN γ = 1, β = 0, moving mean 0 and variance 1, all drawn from `seed`.
 * A dense layer directly followed by a ReLU (other than the logits) runs as one fused op.
 *
 * @example
 * ```ts
 * const spec = buildNetSpec('student-tiny', {}, { inputLength: 176, channels: 1, classes: 5 });
 * const net = createNet(spec, { seed: 42 });
 * const { logits, hidden } = tf.tidy(() => net.apply(x, false));
 * ```
 */
export function createNet(spec: NetSpec, options: CreateNetOptions): Net {
  return new SpecNet(spec, options.seed);
}
