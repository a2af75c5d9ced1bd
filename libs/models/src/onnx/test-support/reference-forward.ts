/**
 * @module An independent tfjs forward pass of a {@link NetSpec} built from plain tfjs ops (not the
 * nets' own layers): the reference the exporter's ONNX output is compared with.
 */
import * as tf from '@tensorflow/tfjs';
import type { NetSpec, NetWeights } from '../../nets/net-spec.js';

/** Runs the spec in inference mode on `[batch, length, channels]` windows; returns logits and hidden. */
export function referenceForward(spec: NetSpec, weights: NetWeights, windows: Float32Array, batch: number): { logits: Float32Array; hidden: Float32Array } {
  return tf.tidy(() => {
    const w = (key: string): tf.Tensor => {
      const t = weights.get(key);
      if (!t) throw new Error(`missing ${key}`);
      return tf.tensor(t.data, [...t.shape]);
    };
    let x: tf.Tensor = tf.tensor3d(windows, [batch, spec.input.length, spec.input.channels]);
    let hidden: tf.Tensor = x;
    const layers = spec.layers;
    for (let i = 0; i < layers.length; i++) {
      const layer = layers[i]!;
      if (i === layers.length - 1) hidden = x;
      switch (layer.kind) {
        case 'conv1d':
          x = tf.conv1d(x as tf.Tensor3D, w(`${layer.name}/kernel`) as tf.Tensor3D, layer.stride, layer.padding);
          if (layer.useBias) x = tf.add(x, w(`${layer.name}/bias`));
          break;
        case 'dense':
          x = tf.matMul(x as tf.Tensor2D, w(`${layer.name}/kernel`) as tf.Tensor2D);
          if (layer.useBias) x = tf.add(x, w(`${layer.name}/bias`));
          break;
        case 'batchNorm':
          x = tf.batchNorm(x, w(`${layer.name}/movingMean`), w(`${layer.name}/movingVariance`), w(`${layer.name}/beta`), w(`${layer.name}/gamma`), layer.epsilon);
          break;
        case 'relu':
          x = tf.relu(x);
          break;
        case 'maxPool1d':
        case 'avgPool1d': {
          const [n, l, c] = x.shape as [number, number, number];
          const x4 = tf.reshape(x, [n, l, 1, c]) as tf.Tensor4D;
          const pooled = layer.kind === 'maxPool1d' ? tf.maxPool(x4, [layer.poolSize, 1], [layer.stride, 1], 'valid') : tf.avgPool(x4, [layer.poolSize, 1], [layer.stride, 1], 'valid');
          x = tf.squeeze(pooled, [2]);
          break;
        }
        case 'globalAvgPool1d':
          x = tf.mean(x, 1);
          break;
        case 'flatten':
          x = tf.reshape(x, [batch, -1]);
          break;
        case 'dropout':
          break;
      }
    }
    return { logits: x.dataSync() as Float32Array, hidden: hidden.dataSync() as Float32Array };
  });
}
