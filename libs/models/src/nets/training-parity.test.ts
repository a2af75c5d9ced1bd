/**
 * Whole-net training parity: the same initial weights and the same mini-batches give the same
 * losses, step after step, on webgpu, wasm and cpu — createNet's ops and createAdam together,
 * dropout included (its masks come from the net's seeded host RNG, identical on every backend).
 */
import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { createRng } from '@painkd/signals';
import { buildNetSpec } from './arch-registry.js';
import { createNet } from './create-net.js';
import { createAdam } from '../ops/adam.js';
import { relError } from '../testing/numeric.js';
import { OP_BACKENDS, readAll, useBackend, type OpBackend } from '../testing/tensors.js';

const io = { inputLength: 176, channels: 1, classes: 5 };
const batch = 16;
const steps = 5;

function batches(seed: number): { xs: Float32Array; labels: Int32Array }[] {
  const rng = createRng(seed);
  return Array.from({ length: steps }, () => ({
    xs: Float32Array.from({ length: batch * io.inputLength }, () => rng.normal()),
    labels: Int32Array.from({ length: batch }, () => rng.int(io.classes)),
  }));
}

async function losses(backend: OpBackend, arch: string): Promise<Float32Array> {
  await useBackend(backend);
  const net = createNet(buildNetSpec(arch, {}, io), { seed: 7 });
  const adam = createAdam({ learningRate: 2e-3 });
  const values: tf.Scalar[] = [];
  for (const { xs, labels } of batches(3)) {
    values.push(
      tf.tidy(() => {
        const x = tf.tensor3d(xs, [batch, io.inputLength, io.channels]);
        const y = tf.oneHot(tf.tensor1d(labels, 'int32'), io.classes);
        return adam.minimize(() => tf.losses.softmaxCrossEntropy(y, net.apply(x, true).logits) as tf.Scalar, net.trainableVariables);
      }),
    );
  }
  const read = await readAll(values);
  adam.dispose();
  net.dispose();
  return Float32Array.from(read, (v) => v[0]!);
}

describe('whole-net training parity across backends', () => {
  afterAll(async () => {
    await useBackend('cpu');
  });

  it.each(['teacher-cnn', 'student-tiny', 'seed-conv1d'])('%s: 5 Adam steps from the same init give the same losses on webgpu, wasm and cpu (1e-4 relative)', async (arch) => {
    const reference = await losses('cpu', arch);
    expect(reference[steps - 1]).not.toBe(reference[0]);
    for (const backend of OP_BACKENDS.filter((b) => b !== 'cpu')) {
      const got = await losses(backend, arch);
      expect(relError(got, reference), `${backend}: ${Array.from(got).join(', ')} vs cpu ${Array.from(reference).join(', ')}`).toBeLessThan(1e-4);
    }
  });
});
