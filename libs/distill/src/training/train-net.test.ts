import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { teacherOutputs } from './predict.js';
import { trainNet, type TrainData, type TrainOptions } from './train-net.js';
import { gatherLabels, gatherWindows } from '../data/window-dataset.js';
import { makeFolds } from '../cv/make-folds.js';
import { TEST_BACKENDS, useBackend } from '../testing/tf-backends.js';
import { tinyNet, tinyRegressor } from '../testing/tiny-net.js';
import { toyDataset } from '../testing/toy-dataset.js';

const data = toyDataset(8, 6, 5, 24);
const [fold] = makeFolds(data, { scheme: 'group-kfold', folds: 4, seed: 3, valFraction: 0.2 });
const options: TrainOptions = { epochs: 12, batchSize: 16, learningRate: 0.01, seed: 5, patience: 100, lrPatience: 100, lrFactor: 0.5, minLearningRate: 1e-5 };

function fromFold(): TrainData {
  return {
    x: tf.tensor3d(gatherWindows(data, fold.train), [fold.train.length, data.length, 1]),
    labels: tf.tensor1d(gatherLabels(data, fold.train), 'int32'),
    valX: tf.tensor3d(gatherWindows(data, fold.val), [fold.val.length, data.length, 1]),
    valLabels: gatherLabels(data, fold.val),
  };
}

describe.each(TEST_BACKENDS)('trainNet on %s', (backend) => {
  beforeAll(() => useBackend(backend));
  const owned: { dispose(): void }[] = [];
  afterEach(() => owned.splice(0).forEach((o) => o.dispose()));

  it('learns the toy task, records every epoch and leaks no tensor', async () => {
    const d = fromFold();
    const net = tinyNet(data.length, 16, 5, 1);
    owned.push(net);
    const before = tf.memory().numTensors;
    const seen: number[] = [];
    const outcome = await trainNet(net, { ce: 1 }, d, options, { onEpoch: (r) => seen.push(r.epoch) });
    expect(tf.memory().numTensors).toBe(before);
    expect(seen).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(outcome.history[11].trainLoss).toBeLessThan(outcome.history[0].trainLoss);
    expect(Math.max(...outcome.history.map((r) => r.valAccuracy))).toBeGreaterThan(0.6);
    tf.dispose([d.x, d.labels, d.valX]);
  });

  it('is deterministic for a seed', async () => {
    const runs = [];
    for (let i = 0; i < 2; i++) {
      const d = fromFold();
      const net = tinyNet(data.length, 8, 5, 2);
      owned.push(net);
      runs.push((await trainNet(net, { ce: 1 }, d, { ...options, epochs: 3 })).history.map((r) => r.trainLoss));
      tf.dispose([d.x, d.labels, d.valX]);
    }
    expect(runs[0]).toEqual(runs[1]);
  });

  it('stops early, lowers the learning rate on a plateau and restores the best epoch', async () => {
    const d = fromFold();
    const net = tinyNet(data.length, 16, 5, 3);
    owned.push(net);
    // A large learning rate overshoots quickly, so the validation loss plateaus.
    const outcome = await trainNet(net, { ce: 1 }, d, { ...options, epochs: 60, learningRate: 0.2, patience: 4, lrPatience: 2 });
    expect(outcome.epochsRun).toBeLessThan(60);
    expect(outcome.epochsRun - outcome.bestEpoch).toBe(4);
    expect(outcome.history.at(-1)!.learningRate).toBeLessThan(0.2);
    const best = Math.min(...outcome.history.map((r) => r.valLoss));
    expect(outcome.history[outcome.bestEpoch - 1].valLoss).toBe(best);
    tf.dispose([d.x, d.labels, d.valX]);
  });

  it('distils with every loss term at once from a cached teacher, without leaks', async () => {
    const d = fromFold();
    const teacher = tinyNet(data.length, 32, 5, 4);
    owned.push(teacher);
    await trainNet(teacher, { ce: 1 }, d, { ...options, epochs: 4 });
    const cache = teacherOutputs(teacher, d.x);
    const student = tinyNet(data.length, 8, 5, 5);
    const regressor = tinyRegressor(8, 32, 6);
    owned.push(student, regressor);
    const before = tf.memory().numTensors;
    const regressorStart = regressor.trainableVariables[0].dataSync().slice();
    const outcome = await trainNet(
      student,
      {
        ce: 0.5,
        kd: { weight: 0.2, temperature: 4 },
        cosine: { weight: 0.1 },
        fitnets: { weight: 0.1 },
        dkd: { weight: 0.1, alpha: 1, beta: 8, temperature: 4, warmupEpochs: 2 },
        rkd: { distanceWeight: 0.1, angleWeight: 0.1 },
        sp: { weight: 0.1 },
      },
      { ...d, teacher: cache },
      { ...options, epochs: 3 },
      { regressor },
    );
    expect(tf.memory().numTensors).toBe(before);
    expect(outcome.history.every((r) => Number.isFinite(r.trainLoss))).toBe(true);
    expect(regressor.trainableVariables[0].dataSync()).not.toEqual(regressorStart);
    tf.dispose([d.x, d.labels, d.valX, cache.logits, cache.hidden]);
  });

  it("trains the regressor of a projected cosine hint, and refuses that loss without one", async () => {
    const d = fromFold();
    const teacher = tinyNet(data.length, 32, 5, 4);
    owned.push(teacher);
    const cache = teacherOutputs(teacher, d.x);
    const student = tinyNet(data.length, 8, 5, 5);
    const regressor = tinyRegressor(8, 32, 6);
    owned.push(student, regressor);
    const loss = { ce: 0.75, cosine: { weight: 0.25, align: 'project' as const } };
    const regressorStart = regressor.trainableVariables[0].dataSync().slice();
    await trainNet(student, loss, { ...d, teacher: cache }, { ...options, epochs: 2 }, { regressor });
    expect(regressor.trainableVariables[0].dataSync()).not.toEqual(regressorStart);
    await expect(trainNet(student, loss, { ...d, teacher: cache }, options)).rejects.toMatchObject({ code: 'TRAIN_INVALID_ARGUMENT' });
    tf.dispose([d.x, d.labels, d.valX, cache.logits, cache.hidden]);
  });

  it('refuses a distillation loss without teacher outputs, and stops on NaN with TRAIN_DIVERGED', async () => {
    const d = fromFold();
    const net = tinyNet(data.length, 4, 5, 7);
    owned.push(net);
    await expect(trainNet(net, { ce: 1, kd: { weight: 1, temperature: 2 } }, d, options)).rejects.toMatchObject({ code: 'TRAIN_INVALID_ARGUMENT' });
    const bad = { ...d, x: tf.fill(d.x.shape, Number.NaN) as tf.Tensor3D };
    await expect(trainNet(net, { ce: 1 }, bad, options)).rejects.toMatchObject({ code: 'TRAIN_DIVERGED' });
    tf.dispose([d.x, d.labels, d.valX, bad.x]);
  });

  it('aborts between batches', async () => {
    const d = fromFold();
    const net = tinyNet(data.length, 4, 5, 8);
    owned.push(net);
    const controller = new AbortController();
    const run = trainNet(net, { ce: 1 }, d, options, { signal: controller.signal, onBatch: (p) => p.batch === 2 && controller.abort() });
    await expect(run).rejects.toMatchObject({ code: 'EXPERIMENT_ABORTED' });
    tf.dispose([d.x, d.labels, d.valX]);
  });
});
