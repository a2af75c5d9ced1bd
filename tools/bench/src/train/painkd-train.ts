/**
 * @module The painkd side of `bench:train`: trains a net built from a NetSpec on one tfjs backend
 * with Adam (host-side, `createHostAdam`) and softmax cross-entropy on random windows — the same
 * job the PyTorch script runs — and times it.
 */
import * as tf from '@tensorflow/tfjs';
import { createHostAdam, createNet, initBackend, type NetSpec } from '@painkd/models';
import { createRng } from '@painkd/signals';
import { timeSteps, type TimingPlan, type TrainTiming } from './train-timing.js';

/** Options of {@link timePainkdTraining}. */
export interface PainkdTrainOptions {
  readonly backend: 'wasm' | 'cpu';
  readonly batch: number;
  readonly seed: number;
  readonly plan: TimingPlan;
}

/**
 * Times training steps of `spec` on `options.backend`.
 *
 * @example
 * const t = await timePainkdTraining(spec, { backend: 'wasm', batch: 64, seed: 1, plan });
 */
export async function timePainkdTraining(spec: NetSpec, options: PainkdTrainOptions): Promise<TrainTiming> {
  await initBackend(options.backend);
  const { length, channels } = spec.input;
  const rng = createRng(options.seed);
  const xs = Float32Array.from({ length: options.batch * length * channels }, () => rng.normal());
  const labels = Int32Array.from({ length: options.batch }, () => rng.int(spec.classes));
  const net = createNet(spec, { seed: options.seed });
  const x = tf.tensor3d(xs, [options.batch, length, channels]);
  const y = tf.oneHot(tf.tensor1d(labels, 'int32'), spec.classes);
  const adam = createHostAdam({ learningRate: 1e-3 });
  const loss = () => tf.losses.softmaxCrossEntropy(y, net.apply(x, true).logits) as tf.Scalar;
  try {
    return timeSteps(
      () => {
        tf.tidy(() => {
          adam.minimize(loss, net.trainableVariables);
        });
      },
      options.batch,
      options.plan,
    );
  } finally {
    net.dispose();
    x.dispose();
    y.dispose();
  }
}
